package io.orderflow.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.orderflow.event.TimeOrderedIds;

/**
 * Assigns a shipment id and a carrier. There is no real carrier: the carrier is picked from the configured list
 * by a stable hash of the order id, so the same order always goes with the same carrier.
 */
public final class DispatchPlanner {

    public static final List<String> DEFAULT_CARRIERS = List.of("DHL", "UPS", "DPD");

    private final List<String> carriers;
    private final Clock clock;

    public DispatchPlanner(List<String> carriers, Clock clock) {
        if (carriers.isEmpty()) {
            throw new IllegalArgumentException("at least one carrier is needed");
        }
        this.carriers = List.copyOf(carriers);
        this.clock = clock;
    }

    public Shipment plan(String orderId, UUID causeEventId) {
        String carrier = carriers.get(Math.floorMod(orderId.hashCode(), carriers.size()));
        String shipmentId = "shp-" + TimeOrderedIds.derived(causeEventId, "shipment");
        return new Shipment(shipmentId, orderId, carrier, clock.instant());
    }
}
