package io.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.orderflow.event.OrderRules;
import io.orderflow.event.Payloads.OrderLine;

public record Order(String orderId, String customerId, List<OrderLine> items, BigDecimal total, OrderStatus status,
                    Instant createdAt, String correlationId) {

    public static BigDecimal totalOf(List<OrderLine> items) {
        return OrderRules.totalOf(items);
    }
}
