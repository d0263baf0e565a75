package io.orderflow.order;

/**
 * An order locked for the rest of the transaction, and whether any of its events wait for a prerequisite: read
 * together, so the common event (nothing waits) costs no second query.
 */
public record LockedOrder(OrderState state, boolean hasWaiting) {
}
