package io.orderflow.dispatch;

import org.slf4j.Logger;

import io.orderflow.contract.EventType;
import io.orderflow.event.ContradictionException;
import io.orderflow.event.EventCodec;
import io.orderflow.event.Payloads.OrderDispatched;
import io.orderflow.event.Payloads.PaymentProcessed;
import io.orderflow.event.TransitionLog;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.payment.PaymentLedger;
import io.orderflow.reliability.ConsumedEvent;

/** PaymentProcessed (of an approved payment this database recorded) -> shipment -> OrderDispatched. */
public final class DispatchHandler {

    private static final Logger LOG = TransitionLog.LOG;

    private final DispatchPlanner planner;
    private final ShipmentRegistry shipments;
    private final PaymentLedger payments;
    private final EventPublisher publisher;
    private final EventCodec codec;

    public DispatchHandler(DispatchPlanner planner, ShipmentRegistry shipments, PaymentLedger payments,
                           EventPublisher publisher, EventCodec codec) {
        this.planner = planner;
        this.shipments = shipments;
        this.payments = payments;
        this.publisher = publisher;
        this.codec = codec;
    }

    public void onPaymentProcessed(ConsumedEvent input) {
        PaymentProcessed paid = input.payload(PaymentProcessed.class);
        // shipped only if paid: the payment stage committed the approved payment before it published this event
        payments.confirm(paid.orderId(), paid.paymentId(), paid.amount(), true);
        Shipment shipment = planner.plan(paid.orderId(), input.event().eventId());
        shipments.recordFirst(shipment).ifPresent(earlier -> {
            throw new ContradictionException("order " + paid.orderId() + " was already shipped as "
                    + earlier.shipmentId());
        });
        publisher.publish(codec.causedBy(input.event(), EventType.OrderDispatched,
                new OrderDispatched(paid.orderId(), shipment.shipmentId(), shipment.carrier())));
        LOG.info("dispatch: order {} DISPATCHED as {} with {} (correlation {})", paid.orderId(),
                shipment.shipmentId(), shipment.carrier(), input.event().correlationId());
    }
}
