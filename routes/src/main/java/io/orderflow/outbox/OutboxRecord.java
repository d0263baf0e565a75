package io.orderflow.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Header;

/**
 * A Kafka record waiting in the outbox: exactly the bytes the relay will send, so an event and a dead letter travel
 * the same way and a dead letter keeps the original record's key, value and headers byte for byte.
 *
 * @param partition the partition to write to, or null to let the producer choose by key
 * @param key       the key bytes, or null
 */
public record OutboxRecord(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers) {

    public OutboxRecord {
        headers = List.copyOf(headers);
    }

    /** The value of the last header with this name as UTF-8 text, or null: what tools show for it. */
    public String headerText(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(name)) {
                return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
