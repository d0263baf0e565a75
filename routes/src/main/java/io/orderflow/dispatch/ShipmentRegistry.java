package io.orderflow.dispatch;

/** Where shipments are recorded; the application keeps them in its database. */
public interface ShipmentRegistry {

    void record(Shipment shipment);
}
