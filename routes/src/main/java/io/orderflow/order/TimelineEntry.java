package io.orderflow.order;

import java.time.Instant;
import java.util.UUID;

/**
 * One status event in an order's history and the record that carried it. {@code applied} is false for a late
 * event that arrived after the order had already moved past it.
 */
public record TimelineEntry(OrderStatus status, Instant at, String topic, int partition, long offset, UUID eventId,
                            boolean applied) {
}
