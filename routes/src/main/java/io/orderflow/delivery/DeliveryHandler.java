package io.orderflow.delivery;

import java.time.Clock;

import org.slf4j.Logger;

import io.orderflow.contract.EventType;
import io.orderflow.dispatch.ShipmentRegistry;
import io.orderflow.event.ContradictionException;
import io.orderflow.event.EventCodec;
import io.orderflow.event.Payloads.OrderDelivered;
import io.orderflow.event.Payloads.OrderDispatched;
import io.orderflow.event.TransitionLog;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.reliability.ConsumedEvent;

/**
 * OrderDispatched (of a shipment this database recorded) -> delivered -> OrderDelivered. There is no real carrier to wait for: the parcel counts as
 * delivered when the stage handles the dispatch, at the stage's clock time.
 */
public final class DeliveryHandler {

    private static final Logger LOG = TransitionLog.LOG;

    private final DeliveryLog deliveries;
    private final ShipmentRegistry shipments;
    private final EventPublisher publisher;
    private final EventCodec codec;
    private final Clock clock;

    public DeliveryHandler(DeliveryLog deliveries, ShipmentRegistry shipments, EventPublisher publisher,
                           EventCodec codec, Clock clock) {
        this.deliveries = deliveries;
        this.shipments = shipments;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
    }

    public void onOrderDispatched(ConsumedEvent input) {
        OrderDispatched dispatched = input.payload(OrderDispatched.class);
        shipments.confirm(dispatched.orderId(), dispatched.shipmentId(), dispatched.carrier());
        Delivery delivery = new Delivery(dispatched.orderId(), dispatched.shipmentId(), dispatched.carrier(),
                clock.instant());
        deliveries.recordFirst(delivery).ifPresent(earlier -> {
            throw new ContradictionException("order " + dispatched.orderId() + " was already delivered");
        });
        publisher.publish(codec.causedBy(input.event(), EventType.OrderDelivered,
                new OrderDelivered(dispatched.orderId(), dispatched.shipmentId(), delivery.deliveredAt())));
        LOG.info("delivery: order {} DELIVERED by {} (correlation {})", dispatched.orderId(), dispatched.carrier(),
                input.event().correlationId());
    }
}
