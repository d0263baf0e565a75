package io.orderflow.app.cart;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/carts/{cartId}/checkout}. */
public record CheckoutRequest(@NotBlank @Size(max = 128) String customerId) {
}
