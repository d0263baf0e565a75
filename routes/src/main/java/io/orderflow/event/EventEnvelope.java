package io.orderflow.event;

import java.time.Instant;
import java.util.UUID;

import io.orderflow.contract.EventType;
import io.orderflow.event.Payloads.CartCheckedOut;
import io.orderflow.event.Payloads.CartItemAdded;

/**
 * The JSON envelope every record carries, with its payload as the record its type names ({@link Payloads#typeOf}).
 * {@code orderId} is absent only on cart events written before the cart became an order.
 */
public record EventEnvelope(UUID eventId, EventType type, String orderId, Instant occurredAt, String correlationId,
                            Record payload) {

    public EventEnvelope {
        Class<? extends Record> payloadType = Payloads.typeOf(type);
        if (!payloadType.isInstance(payload)) {
            throw new IllegalArgumentException(type + " needs a " + payloadType.getSimpleName());
        }
    }

    /** The payload as {@code type}, the record the event's type names. */
    public <T extends Record> T payload(Class<T> type) {
        return type.cast(payload);
    }

    /** Key that keeps one order's (or, before checkout, one cart's) events in one partition, in order. */
    public String kafkaKey() {
        if (payload instanceof CartItemAdded item) {
            return item.cartId();
        }
        if (payload instanceof CartCheckedOut checkout) {
            return checkout.cartId();
        }
        return orderId;
    }

    /**
     * The id of an event caused by this one. Derived, not random, so a stage that runs twice for the same input
     * (crash after send, before commit) emits the same eventId and the next stage drops the duplicate.
     */
    public UUID derivedEventId(EventType caused) {
        return TimeOrderedIds.derived(eventId, caused.name());
    }
}
