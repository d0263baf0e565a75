package io.orderflow.delivery;

import java.util.Optional;

/** Where deliveries are recorded; the application keeps them in its database. */
public interface DeliveryLog {

    /**
     * Records the delivery, unless its order has one already (one delivery per order): then records nothing and
     * returns that earlier one.
     */
    Optional<Delivery> recordFirst(Delivery delivery);

    Optional<Delivery> forOrder(String orderId);
}
