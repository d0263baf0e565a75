package io.orderflow.app.order;

import java.math.BigDecimal;
import java.util.List;

import io.orderflow.event.Payloads.OrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/orders}, as in the original design's curl. */
public record NewOrderRequest(
        @NotBlank @Size(max = 128) String customerId,
        @NotEmpty @Size(max = NewOrderRequest.MAX_ITEMS) List<@Valid @NotNull Item> items) {

    public static final int MAX_ITEMS = 100;

    public record Item(
            @NotBlank @Size(max = 128) String productId,
            @NotNull @Positive @Max(10_000) Integer quantity,
            @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal price) {

        public OrderLine toLine() {
            return new OrderLine(productId, quantity, price);
        }
    }

    public List<OrderLine> lines() {
        return items.stream().map(Item::toLine).toList();
    }
}
