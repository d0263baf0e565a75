package io.orderflow.console.api;

import java.math.BigDecimal;

/** One of the recent orders {@code GET /api/orders} lists. */
public record OrderSummary(String orderId, String customerId, BigDecimal total, String status, String createdAt) {
}
