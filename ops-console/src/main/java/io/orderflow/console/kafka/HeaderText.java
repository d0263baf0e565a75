package io.orderflow.console.kafka;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import io.orderflow.contract.DltHeaders;

/**
 * A Kafka header rendered for people. Most headers are UTF-8 text; the dead-letter and replay headers that carry
 * numbers are written as big-endian ints and longs (the Spring Kafka convention), so they are decoded by name, and
 * the ones holding epoch milliseconds are shown as instants too.
 */
public record HeaderText(String name, String value, byte[] raw) {

    /** A header known only as text (as the app's API returns them). */
    public HeaderText(String name, String value) {
        this(name, value, null);
    }

    public static HeaderText decode(String name, byte[] raw) {
        return new HeaderText(name, render(name, raw), raw);
    }

    private static String render(String name, byte[] raw) {
        if (raw == null) {
            return "";
        }
        String number = switch (DltHeaders.encodingOf(name)) {
            case INT32 -> text(DltHeaders.readInt32(raw));
            case INT64 -> text(DltHeaders.readInt64(raw));
            case EPOCH_MILLIS -> instant(DltHeaders.readInt64(raw));
            case UTF8 -> null;
        };
        // a number of the wrong width is shown as its bytes, not misread
        return number != null ? number : utf8OrHex(raw);
    }

    private static String text(Number number) {
        return number == null ? null : number.toString();
    }

    private static String instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis) + " (" + millis + ")";
    }

    /** Text when the bytes are valid UTF-8, otherwise hex, so a binary header never shows as mojibake. */
    public static String utf8OrHex(byte[] raw) {
        String text = utf8(raw);
        return text != null ? text : "0x" + HexFormat.of().formatHex(raw);
    }

    /** The bytes as text when they are valid UTF-8, else null. */
    public static String utf8(byte[] raw) {
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return text.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
