package io.orderflow.app.cart;

import io.orderflow.app.rejection.ConflictException;

/** The cart was checked out already: it takes no more items and no second checkout. */
public class CartClosedException extends ConflictException {

    public CartClosedException(CartView cart) {
        super("cart " + cart.cartId() + " was already checked out as order " + cart.orderId());
    }
}
