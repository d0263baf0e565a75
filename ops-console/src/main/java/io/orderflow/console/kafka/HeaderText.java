package io.orderflow.console.kafka;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

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

    private static final Set<String> INT32 = Set.of(
            "kafka_dlt-original-partition", "orderflow_dlt-attempts",
            "orderflow_replay-dlt-partition", "orderflow_replay-count");
    private static final Set<String> EPOCH_MILLIS = Set.of(
            "kafka_dlt-original-timestamp", "orderflow_dlt-failed-at", "orderflow_replay-at");
    private static final Set<String> INT64 = Set.of("kafka_dlt-original-offset", "orderflow_replay-dlt-offset");

    public static HeaderText decode(String name, byte[] raw) {
        return new HeaderText(name, render(name, raw), raw);
    }

    private static String render(String name, byte[] raw) {
        if (raw == null) {
            return "";
        }
        if (INT32.contains(name) && raw.length == Integer.BYTES) {
            return Integer.toString(ByteBuffer.wrap(raw).getInt());
        }
        if (INT64.contains(name) && raw.length == Long.BYTES) {
            return Long.toString(ByteBuffer.wrap(raw).getLong());
        }
        if (EPOCH_MILLIS.contains(name) && raw.length == Long.BYTES) {
            long millis = ByteBuffer.wrap(raw).getLong();
            return Instant.ofEpochMilli(millis) + " (" + millis + ")";
        }
        return utf8OrHex(raw);
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
