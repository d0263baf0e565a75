package io.orderflow.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The order store as the stages see it; the application keeps it in its database. */
public interface OrderBook {

    void insert(Order order);

    Optional<OrderState> find(String orderId);

    /** The order, locked for the rest of the transaction so concurrent events apply one at a time. */
    Optional<LockedOrder> lock(String orderId);

    /**
     * Moves the order to {@code to} if its status is {@code from}, and returns it as it was before, locked for the
     * rest of the transaction like {@link #lock}; empty (nothing changed, nothing locked) when the order does not
     * exist or has another status. The common event is one that applies: this takes the lock and moves the order
     * in one write where {@link #lock} and {@link #updateStatus} take two.
     */
    Optional<LockedOrder> advance(String orderId, OrderStatus from, OrderStatus to, Instant at);

    void updateStatus(String orderId, OrderStatus status, Instant at);

    void addTimeline(String orderId, TimelineEntry entry);

    /** Marks the timeline entry of a waiting event applied, once its prerequisite arrived. */
    void markApplied(String orderId, UUID eventId);

    void addWaiting(WaitingEvent event);

    /** Events of this order still waiting for their prerequisite, oldest first. */
    List<WaitingEvent> waiting(String orderId);

    /** The event is no longer waiting: applied, or (with a cause) rejected because history went another way. */
    void settleWaiting(String orderId, UUID eventId, String rejectedCause);
}
