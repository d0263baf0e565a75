package io.orderflow.order;

import java.time.Instant;
import java.util.UUID;

/** A status event read before its prerequisite, kept as a fact until the prerequisite arrives. */
public record WaitingEvent(String orderId, UUID eventId, OrderStatus target, Instant at) {
}
