package io.orderflow.order;

import java.util.Optional;

/** Which order a cart was checked out as, so a checkout event can be held against the cart it names. */
public interface CheckedOutCarts {

    /** The order id the cart was checked out as; empty when the cart does not exist or is still open. */
    Optional<String> orderOf(String cartId);
}
