package io.orderflow.app.order;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.orderflow.app.web.Identifier;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.order.Order;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/orders}, as in the original design's curl. */
public record NewOrderRequest(
        @Identifier String customerId,
        @NotEmpty @Size(max = NewOrderRequest.MAX_ITEMS) List<@Valid @NotNull Item> items) {

    public static final int MAX_ITEMS = 100;
    /** The largest total DECIMAL(19,2) holds: 100 items at the largest price and quantity would not fit. */
    public static final BigDecimal MAX_TOTAL = new BigDecimal("99999999999999999.99");

    public record Item(
            @Identifier String productId,
            @NotNull @Positive @Max(10_000) Integer quantity,
            @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal price) {

        public OrderLine toLine() {
            return new OrderLine(productId, quantity, price);
        }
    }

    @JsonIgnore
    @AssertTrue(message = "the order total must be at most 99999999999999999.99")
    public boolean isTotalStorable() {
        if (items == null || items.stream().anyMatch(item -> item == null || item.quantity() == null
                || item.price() == null)) {
            return true; // reported by the field constraints
        }
        return Order.totalOf(lines()).compareTo(MAX_TOTAL) <= 0;
    }

    public List<OrderLine> lines() {
        return items.stream().map(Item::toLine).toList();
    }
}
