package io.orderflow.delivery;

/** Where deliveries are recorded; the application keeps them in its database. */
public interface DeliveryLog {

    void record(Delivery delivery);
}
