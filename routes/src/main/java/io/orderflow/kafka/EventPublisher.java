package io.orderflow.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.orderflow.contract.EventHeaders;
import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.outbox.Outbox;
import io.orderflow.outbox.OutboxRecord;

/**
 * The one place events are emitted from (the seed's KafkaEventUtils): keyed by order, typed in a header. The event
 * is written to the {@link Outbox} in the caller's transaction; the relay sends it with an idempotent acks=all
 * producer once that transaction committed.
 */
public final class EventPublisher {

    private final Outbox outbox;
    private final EventCodec codec;

    public EventPublisher(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    public void publish(EventEnvelope event) {
        List<Header> headers = new ArrayList<>(3);
        headers.add(header(EventHeaders.EVENT_TYPE, event.type().name()));
        headers.add(header(EventHeaders.EVENT_ID, event.eventId().toString()));
        if (event.correlationId() != null) {
            headers.add(header(EventHeaders.CORRELATION_ID, event.correlationId()));
        }
        outbox.add(new OutboxRecord(event.type().topic().topicName(), null, utf8(event.kafkaKey()),
                utf8(codec.encode(event)), headers));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, utf8(value));
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
