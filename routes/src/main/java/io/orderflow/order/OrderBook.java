package io.orderflow.order;

import java.time.Instant;
import java.util.Optional;

/** The order store as the stages see it; the application keeps it in its database. */
public interface OrderBook {

    void insert(Order order);

    /** The current status, locked for the rest of the transaction so concurrent events apply one at a time. */
    Optional<OrderStatus> lockStatus(String orderId);

    void updateStatus(String orderId, OrderStatus status, Instant at);

    void addTimeline(String orderId, TimelineEntry entry);
}
