package io.orderflow.app.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keys and header values as operators read them: the text when the bytes are valid UTF-8, otherwise base64 behind
 * a marker, so a binary value is shown, not silently replaced by U+FFFD. The bytes themselves are kept apart.
 */
final class ReadableBytes {

    static final String BASE64_MARKER = "base64:";

    private ReadableBytes() {
    }

    static String of(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return BASE64_MARKER + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
