package io.orderflow.console.api;

/** Filters of {@code GET /api/dead-letters}; null fields are left out of the query. */
public record DeadLetterQuery(String topic, String exception, String orderId, String state, int size) {
}
