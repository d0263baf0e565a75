package io.orderflow.app.cart;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/carts/{cartId}/items}. */
public record AddItemRequest(
        @NotBlank @Size(max = 128) String productId,
        @NotNull @Positive @Max(10_000) Integer quantity,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal price) {
}
