package io.orderflow.reliability;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import io.orderflow.event.EventEnvelope;

/**
 * A decoded event and where it was read from (the order timeline points back at the record).
 */
public record ConsumedEvent(EventEnvelope event, String topic, int partition, long offset) {

    /** Exchange property holding the decoded event; the message body keeps the raw record bytes. */
    public static final String EVENT = "orderflow.event";

    public static ConsumedEvent of(Exchange exchange) {
        Message message = exchange.getMessage();
        return new ConsumedEvent(
                exchange.getProperty(EVENT, EventEnvelope.class),
                message.getHeader(KafkaConstants.TOPIC, String.class),
                message.getHeader(KafkaConstants.PARTITION, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, Long.class));
    }

    /** The payload as {@code type}, the record the event's type names. */
    public <T extends Record> T payload(Class<T> type) {
        return event.payload(type);
    }
}
