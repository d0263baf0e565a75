package io.orderflow.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.event.EventCodec;
import io.orderflow.event.EventType;
import io.orderflow.event.Payloads.OrderDispatched;
import io.orderflow.event.Payloads.PaymentProcessed;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.reliability.StageInput;

/** PaymentProcessed -> shipment -> OrderDispatched. */
public final class DispatchStage {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchStage.class);

    private final DispatchPlanner planner;
    private final ShipmentRegistry shipments;
    private final EventPublisher publisher;
    private final EventCodec codec;

    public DispatchStage(DispatchPlanner planner, ShipmentRegistry shipments, EventPublisher publisher,
                         EventCodec codec) {
        this.planner = planner;
        this.shipments = shipments;
        this.publisher = publisher;
        this.codec = codec;
    }

    public void onPaymentProcessed(StageInput input) {
        PaymentProcessed paid = codec.payload(input.event(), PaymentProcessed.class);
        Shipment shipment = planner.plan(paid.orderId(), input.event().eventId());
        shipments.record(shipment);
        publisher.publish(codec.causedBy(input.event(), EventType.OrderDispatched,
                new OrderDispatched(paid.orderId(), shipment.shipmentId(), shipment.carrier())));
        LOG.info("dispatch: order {} DISPATCHED as {} with {} (correlation {})", paid.orderId(),
                shipment.shipmentId(), shipment.carrier(), input.event().correlationId());
    }
}
