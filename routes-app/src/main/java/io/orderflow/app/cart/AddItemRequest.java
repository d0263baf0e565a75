package io.orderflow.app.cart;

import java.math.BigDecimal;

import io.orderflow.app.web.Identifier;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of {@code POST /api/carts/{cartId}/items}. */
public record AddItemRequest(
        @Identifier String productId,
        @NotNull @Positive @Max(10_000) Integer quantity,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal price) {
}
