package io.orderflow.app.deadletter;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import io.orderflow.app.deadletter.DeadLetterStore.Stored;
import io.orderflow.contract.DltHeaders;

/**
 * The record a replay sends: the dead letter's value, key and headers byte for byte, to its original topic, without
 * the failure headers of the failure it records, plus provenance headers. Records indexed before their raw key and
 * headers were kept fall back to the indexed text.
 */
final class ReplayRecord {

    private ReplayRecord() {
    }

    static void write(Stored stored, String actor, long nowMillis, Message message) {
        DeadLetter d = stored.deadLetter();
        message.setBody(stored.payload());
        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, d.originalTopic());
        byte[] key = stored.key() != null ? stored.key()
                : d.key() == null ? null : d.key().getBytes(StandardCharsets.UTF_8);
        if (key != null) {
            message.setHeader(KafkaConstants.KEY, key);
        }
        if (stored.headers() != null) {
            stored.headers().forEach(h -> {
                if (resent(h.name())) {
                    message.setHeader(h.name(), h.value());
                }
            });
        } else {
            d.headers().forEach((name, value) -> {
                if (resent(name)) {
                    message.setHeader(name, value.getBytes(StandardCharsets.UTF_8));
                }
            });
        }
        message.setHeader(DltHeaders.REPLAY_DLT_TOPIC, DltHeaders.utf8(d.dltTopic()));
        message.setHeader(DltHeaders.REPLAY_DLT_PARTITION, DltHeaders.int32(d.dltPartition()));
        message.setHeader(DltHeaders.REPLAY_DLT_OFFSET, DltHeaders.int64(d.dltOffset()));
        message.setHeader(DltHeaders.REPLAY_COUNT, DltHeaders.int32(d.replayCount() + 1));
        message.setHeader(DltHeaders.REPLAY_BY, DltHeaders.utf8(actor));
        message.setHeader(DltHeaders.REPLAY_AT, DltHeaders.int64(nowMillis));
    }

    /** Failure headers describe the failure being undone, and the provenance headers are written afresh. */
    private static boolean resent(String header) {
        return !DltHeaders.isFailureHeader(header) && !DltHeaders.isReplayHeader(header);
    }
}
