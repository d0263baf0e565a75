package io.orderflow.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.contract.EventType;
import io.orderflow.contract.Topic;

/**
 * The JSON envelope every record carries. {@code orderId} is absent only on cart events written before the
 * cart became an order.
 */
public record EventEnvelope(UUID eventId, EventType type, String orderId, Instant occurredAt, String correlationId,
                            JsonNode payload) {

    /** Key that keeps one order's (or, before checkout, one cart's) events in one partition, in order. */
    public String kafkaKey() {
        if (type.topic() == Topic.CART) {
            return payload.path("cartId").asText();
        }
        return orderId;
    }

    /**
     * The id of an event caused by this one. Derived, not random, so a stage that runs twice for the same input
     * (crash after send, before commit) emits the same eventId and the next stage drops the duplicate.
     */
    public UUID derivedEventId(EventType caused) {
        return UUID.nameUUIDFromBytes((eventId + "/" + caused.name()).getBytes(StandardCharsets.UTF_8));
    }
}
