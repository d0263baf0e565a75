package io.orderflow.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Header names and encodings on dead-letter records. The {@code kafka_dlt-*} names and encodings are the ones
 * Spring Kafka writes (strings UTF-8, partition a 4-byte int, offsets and timestamps 8-byte longs), so other Kafka
 * tools show them; the {@code orderflow_*} ones are this application's additions.
 */
public final class DltHeaders {
    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
    public static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
    public static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    public static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";
    public static final String ATTEMPTS = "orderflow_dlt-attempts";
    public static final String ROUTE_ID = "orderflow_dlt-route-id";
    public static final String FAILED_AT = "orderflow_dlt-failed-at";

    /** Provenance written on a record replayed from a dead-letter topic. */
    public static final String REPLAY_DLT_TOPIC = "orderflow_replay-dlt-topic";
    public static final String REPLAY_DLT_PARTITION = "orderflow_replay-dlt-partition";
    public static final String REPLAY_DLT_OFFSET = "orderflow_replay-dlt-offset";
    public static final String REPLAY_COUNT = "orderflow_replay-count";
    public static final String REPLAY_BY = "orderflow_replay-by";
    public static final String REPLAY_AT = "orderflow_replay-at";

    private static final String REPLAY_PREFIX = "orderflow_replay-";

    /** The headers that are not UTF-8 text. */
    private static final Map<String, HeaderEncoding> NUMERIC = Map.of(
            ORIGINAL_PARTITION, HeaderEncoding.INT32,
            ORIGINAL_OFFSET, HeaderEncoding.INT64,
            ORIGINAL_TIMESTAMP, HeaderEncoding.EPOCH_MILLIS,
            ATTEMPTS, HeaderEncoding.INT32,
            FAILED_AT, HeaderEncoding.EPOCH_MILLIS,
            REPLAY_DLT_PARTITION, HeaderEncoding.INT32,
            REPLAY_DLT_OFFSET, HeaderEncoding.INT64,
            REPLAY_COUNT, HeaderEncoding.INT32,
            REPLAY_AT, HeaderEncoding.EPOCH_MILLIS);

    private DltHeaders() {
    }

    /** How a header of this name is written; UTF-8 for every header this contract does not define as a number. */
    public static HeaderEncoding encodingOf(String name) {
        return NUMERIC.getOrDefault(name, HeaderEncoding.UTF8);
    }

    /** Headers that describe one failure; dropped when a record is replayed, so a later failure writes its own. */
    public static boolean isFailureHeader(String name) {
        return name.startsWith("kafka_dlt-") || name.startsWith("orderflow_dlt-");
    }

    /** Headers a replay writes; replaced, not accumulated, when a record is replayed again. */
    public static boolean isReplayHeader(String name) {
        return name.startsWith(REPLAY_PREFIX);
    }

    public static byte[] utf8(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] int32(int value) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
    }

    public static byte[] int64(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    public static String readUtf8(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The int, or null when the value is absent or not four bytes. */
    public static Integer readInt32(byte[] value) {
        return value == null || value.length != Integer.BYTES ? null : ByteBuffer.wrap(value).getInt();
    }

    /** The long, or null when the value is absent or not eight bytes. */
    public static Long readInt64(byte[] value) {
        return value == null || value.length != Long.BYTES ? null : ByteBuffer.wrap(value).getLong();
    }
}
