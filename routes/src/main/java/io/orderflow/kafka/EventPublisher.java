package io.orderflow.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;

/**
 * The one place events are sent from (the seed's KafkaEventUtils): keyed by order, typed in a header, through the
 * idempotent acks=all producers of {@link KafkaUris#producer}. Each send uses a fresh exchange so headers of a
 * consumed record never leak into the next event.
 */
public final class EventPublisher {

    private final ProducerTemplate template;
    private final EventCodec codec;
    private final PendingSends pending;

    public EventPublisher(ProducerTemplate template, EventCodec codec, PendingSends pending) {
        this.template = template;
        this.codec = codec;
        this.pending = pending;
    }

    /**
     * Sends an event a stage emits. Inside a poll batch the batch waits for the acknowledgement before it
     * commits; anywhere else this waits for it.
     */
    public void publish(EventEnvelope event) {
        if (pending.isOpen()) {
            pending.add(sendAsync(event));
        } else {
            send(event);
        }
    }

    /** Sends and waits for the broker's acknowledgement. */
    public PublishedRecord send(EventEnvelope event) {
        Exchange result = template.send(KafkaUris.producer(event.type().topic()), exchange -> prepare(exchange, event));
        return published(result);
    }

    /** Sends without blocking the caller; the future completes when the broker acknowledged. */
    public CompletableFuture<PublishedRecord> sendAsync(EventEnvelope event) {
        return template.asyncSend(KafkaUris.producer(event.type().topic()), exchange -> prepare(exchange, event))
                .thenApply(EventPublisher::published);
    }

    private void prepare(Exchange exchange, EventEnvelope event) {
        exchange.getMessage().setBody(codec.encode(event));
        exchange.getMessage().setHeader(KafkaConstants.KEY, event.kafkaKey());
        exchange.getMessage().setHeader(EventHeaders.EVENT_TYPE, event.type().name());
        exchange.getMessage().setHeader(EventHeaders.EVENT_ID, event.eventId().toString());
        if (event.correlationId() != null) {
            exchange.getMessage().setHeader(EventHeaders.CORRELATION_ID, event.correlationId());
        }
    }

    private static PublishedRecord published(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new CamelExecutionException("publishing failed", exchange, exchange.getException());
        }
        @SuppressWarnings("unchecked")
        List<RecordMetadata> metadata = exchange.getMessage().getHeader(KafkaConstants.KAFKA_RECORD_META, List.class);
        RecordMetadata meta = metadata.get(0);
        return new PublishedRecord(meta.topic(), meta.partition(), meta.offset());
    }
}
