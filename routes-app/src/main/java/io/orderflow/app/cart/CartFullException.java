package io.orderflow.app.cart;

import io.orderflow.app.rejection.RuleBrokenException;

/** The cart holds as many items as one order may have. */
public class CartFullException extends RuleBrokenException {

    public CartFullException(String cartId, int maxItems) {
        super("cart_full", "cart " + cartId + " already has " + maxItems + " items");
    }
}
