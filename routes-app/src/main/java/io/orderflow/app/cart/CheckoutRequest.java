package io.orderflow.app.cart;

import io.orderflow.app.web.Identifier;

/** Body of {@code POST /api/carts/{cartId}/checkout}. */
public record CheckoutRequest(@Identifier String customerId) {
}
