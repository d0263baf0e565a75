package io.orderflow.delivery;

import java.util.Optional;

/** Where deliveries are recorded; the application keeps them in its database. */
public interface DeliveryLog {

    void record(Delivery delivery);

    Optional<Delivery> forOrder(String orderId);
}
