package io.orderflow.app.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.order.Order;

/** A cart as the API shows it. {@code orderId} is set once the cart was checked out. */
public record CartView(String cartId, String status, String customerId, String orderId, List<OrderLine> items,
                       BigDecimal total, Instant createdAt, Instant updatedAt) {

    public static final String OPEN = "OPEN";
    public static final String CHECKED_OUT = "CHECKED_OUT";

    public CartView(String cartId, String status, String customerId, String orderId, List<OrderLine> items,
                    Instant createdAt, Instant updatedAt) {
        this(cartId, status, customerId, orderId, items, Order.totalOf(items), createdAt, updatedAt);
    }
}
