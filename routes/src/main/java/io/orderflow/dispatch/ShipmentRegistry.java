package io.orderflow.dispatch;

import java.util.Optional;

import io.orderflow.event.ContradictionException;
import io.orderflow.event.UnknownReferenceException;

/** Where shipments are recorded; the application keeps them in its database. */
public interface ShipmentRegistry {

    /**
     * Records the shipment, unless its order has one already (one shipment per order): then records nothing and
     * returns that earlier one.
     */
    Optional<Shipment> recordFirst(Shipment shipment);

    Optional<Shipment> forOrder(String orderId);

    /** The shipment an event speaks of, as recorded here: it belongs to that order and goes with that carrier. */
    default Shipment confirm(String orderId, String shipmentId, String carrier) {
        Shipment shipment = forOrder(orderId).orElseThrow(() -> new UnknownReferenceException(
                "order " + orderId + " has no shipment " + shipmentId));
        if (!shipment.shipmentId().equals(shipmentId)) {
            throw new ContradictionException("order " + orderId + " was shipped as " + shipment.shipmentId()
                    + ", not " + shipmentId);
        }
        if (carrier != null && !shipment.carrier().equals(carrier)) {
            throw new ContradictionException("shipment " + shipmentId + " goes with " + shipment.carrier()
                    + ", not " + carrier);
        }
        return shipment;
    }
}
