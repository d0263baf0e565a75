package io.orderflow.console.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.orderflow.contract.EventHeaders;
import io.orderflow.contract.Topic;

/**
 * One consumed record as the console keeps it: coordinates, decoded headers and the value bytes (capped, so a
 * huge payload cannot exhaust the bounded buffers that hold these). JSON is only pretty-printed when someone opens
 * the record.
 */
public record EventRecord(String topic, int partition, long offset, long timestamp, String key, byte[] keyBytes,
                          List<HeaderText> headers, byte[] value, int size, String type, String orderId) {

    /** Kept per record; larger values are cut (and {@link #truncated()} says so). */
    public static final int MAX_VALUE_BYTES = 256 * 1024;
    private static final int MAX_KEY_CHARS = 200;

    public static EventRecord of(ConsumerRecord<byte[], byte[]> record) {
        List<HeaderText> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(HeaderText.decode(header.key(), header.value()));
        }
        byte[] value = record.value() == null ? new byte[0] : record.value();
        EnvelopeFields fields = EnvelopeFields.read(value);
        String type = headerValue(headers, EventHeaders.EVENT_TYPE);
        if (type == null) {
            type = fields.type();
        }
        String key = record.key() == null ? null : HeaderText.utf8OrHex(record.key());
        if (key != null && key.length() > MAX_KEY_CHARS) {
            key = key.substring(0, MAX_KEY_CHARS);
        }
        String orderId = fields.orderId() != null ? fields.orderId() : key;
        byte[] kept = value.length > MAX_VALUE_BYTES ? Arrays.copyOf(value, MAX_VALUE_BYTES) : value;
        return new EventRecord(record.topic(), record.partition(), record.offset(), record.timestamp(), key,
                record.key(), List.copyOf(headers), kept, value.length, type, orderId);
    }

    public boolean truncated() {
        return value.length < size;
    }

    public boolean isDeadLetter() {
        return Topic.isDeadLetterTopic(topic);
    }

    public String header(String name) {
        return headerValue(headers, name);
    }

    public String valueText() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Rough heap cost, for buffers that bound memory by bytes as well as by count. */
    public long retainedBytes() {
        long headerChars = headers.stream().mapToLong(h -> h.name().length() + h.value().length()).sum();
        long headerBytes = headers.stream().mapToLong(h -> h.raw() == null ? 0 : h.raw().length).sum();
        return 160L + value.length + 2L * headerChars + headerBytes
                + (key == null ? 0 : 2L * key.length() + keyBytes.length);
    }

    private static String headerValue(List<HeaderText> headers, String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).name().equals(name)) {
                return headers.get(i).value();
            }
        }
        return null;
    }
}
