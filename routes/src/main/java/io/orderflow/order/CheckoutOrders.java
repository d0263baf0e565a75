package io.orderflow.order;

import io.orderflow.event.ContradictionException;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.Payloads.CartCheckedOut;
import io.orderflow.event.UnknownReferenceException;

/**
 * CartCheckedOut -> order. Only for a cart this database checked out as that very order: the cart service commits
 * the checkout before the event is published, so a checkout of a cart it does not know was not made here.
 */
public final class CheckoutOrders {

    private final CheckedOutCarts carts;
    private final OrderBook orders;
    private final OrderCreation creation;

    public CheckoutOrders(CheckedOutCarts carts, OrderBook orders, OrderCreation creation) {
        this.carts = carts;
        this.orders = orders;
        this.creation = creation;
    }

    public void onCheckout(EventEnvelope event, CartCheckedOut checkout) {
        String orderId = carts.orderOf(checkout.cartId()).orElseThrow(() -> new UnknownReferenceException(
                "cart " + checkout.cartId() + " does not exist or is not checked out"));
        if (!orderId.equals(checkout.orderId())) {
            throw new ContradictionException("cart " + checkout.cartId() + " was checked out as order " + orderId
                    + ", not " + checkout.orderId());
        }
        if (orders.find(orderId).isPresent()) {
            throw new ContradictionException("order " + orderId + " already exists");
        }
        creation.create(orderId, checkout.customerId(), checkout.items(), event.correlationId(), event);
    }
}
