package io.orderflow.order;

import java.math.BigDecimal;

/** What the stages check an event against: where the order stands and what it costs. */
public record OrderState(String orderId, OrderStatus status, BigDecimal total) {
}
