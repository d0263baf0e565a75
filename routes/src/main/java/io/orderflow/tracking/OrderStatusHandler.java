package io.orderflow.tracking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;

import io.orderflow.delivery.DeliveryLog;
import io.orderflow.dispatch.ShipmentRegistry;
import io.orderflow.event.ContradictionException;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.Payloads.OrderDelivered;
import io.orderflow.event.Payloads.OrderDispatched;
import io.orderflow.event.Payloads.PaymentFailed;
import io.orderflow.event.Payloads.PaymentProcessed;
import io.orderflow.event.TransitionLog;
import io.orderflow.event.UnknownReferenceException;
import io.orderflow.order.LockedOrder;
import io.orderflow.order.OrderBook;
import io.orderflow.order.OrderState;
import io.orderflow.order.OrderStateMachine.Decision;
import io.orderflow.order.OrderStateMachine;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.TimelineEntry;
import io.orderflow.order.WaitingEvent;
import io.orderflow.payment.PaymentLedger;
import io.orderflow.reliability.ConsumedEvent;

/**
 * Moves an order along its state machine ({@link OrderStateMachine}) on payment, dispatch and delivery events. Each
 * event must agree with what the stage that made it recorded (payment, shipment, delivery). An event read before its
 * prerequisite (those topics are read in no promised order) waits as a fact and is applied in the transaction of
 * the event that makes it applicable; the partition moves on meanwhile.
 */
public final class OrderStatusHandler {

    private static final Logger LOG = TransitionLog.LOG;

    public enum Outcome { APPLIED, WAITING }

    private final OrderBook orders;
    private final PaymentLedger payments;
    private final ShipmentRegistry shipments;
    private final DeliveryLog deliveries;

    public OrderStatusHandler(OrderBook orders, PaymentLedger payments, ShipmentRegistry shipments,
                              DeliveryLog deliveries) {
        this.orders = orders;
        this.payments = payments;
        this.shipments = shipments;
        this.deliveries = deliveries;
    }

    public Outcome onStatusEvent(ConsumedEvent input) {
        EventEnvelope event = input.event();
        String orderId = event.orderId();
        OrderStatus target = OrderStatus.causedBy(event.type());
        // most events find their order at the prerequisite: moving it there and then also takes the lock
        Optional<LockedOrder> advanced = orders.advance(orderId, OrderStateMachine.prerequisite(target), target,
                event.occurredAt());
        LockedOrder locked = advanced.or(() -> orders.lock(orderId)).orElseThrow(() -> new UnknownReferenceException(
                "order " + orderId + " does not exist"));
        OrderState order = locked.state();
        confirmRecorded(order, input);
        List<WaitingEvent> waiting = locked.hasWaiting() ? orders.waiting(orderId) : List.of();
        for (WaitingEvent early : waiting) {
            if (early.target() == target) {
                throw new ContradictionException("order " + orderId + " already has " + target + " event "
                        + early.eventId() + " waiting for " + OrderStateMachine.prerequisite(target));
            }
        }
        Decision decision = OrderStateMachine.decide(order.status(), target);
        if (decision == Decision.CONTRADICTS) {
            throw new ContradictionException("order " + orderId + " is " + order.status() + ": " + event.type()
                    + " cannot apply");
        }
        boolean apply = decision == Decision.APPLY;
        orders.addTimeline(orderId, new TimelineEntry(target, event.occurredAt(), input.topic(), input.partition(),
                input.offset(), event.eventId(), apply));
        if (!apply) {
            orders.addWaiting(new WaitingEvent(orderId, event.eventId(), target, event.occurredAt()));
            LOG.info("order: order {} {} waits for {} (correlation {})", orderId, event.type(),
                    OrderStateMachine.prerequisite(target), event.correlationId());
            return Outcome.WAITING;
        }
        if (advanced.isEmpty()) {
            orders.updateStatus(orderId, target, event.occurredAt());
        }
        LOG.info("order: order {} {} -> {} (correlation {})", orderId, order.status(), target,
                event.correlationId());
        applyWaiting(orderId, target, waiting);
        return Outcome.APPLIED;
    }

    /** Applies the waiting events the new status makes applicable, in as many steps as they allow. */
    private void applyWaiting(String orderId, OrderStatus status, List<WaitingEvent> waiting) {
        List<WaitingEvent> left = new ArrayList<>(waiting);
        OrderStatus current = status;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Iterator<WaitingEvent> it = left.iterator(); it.hasNext(); ) {
                WaitingEvent early = it.next();
                Decision decision = OrderStateMachine.decide(current, early.target());
                if (decision == Decision.WAIT) {
                    continue;
                }
                it.remove();
                if (decision == Decision.APPLY) {
                    orders.updateStatus(orderId, early.target(), early.at());
                    orders.markApplied(orderId, early.eventId());
                    orders.settleWaiting(orderId, early.eventId(), null);
                    LOG.info("order: order {} {} -> {} (waiting event {})", orderId, current, early.target(),
                            early.eventId());
                    current = early.target();
                    moved = true;
                } else {
                    // its record was committed long ago; the fact stays, marked, for an operator to look at
                    String cause = "order " + orderId + " became " + current + ": waiting " + early.target()
                            + " event cannot apply";
                    orders.settleWaiting(orderId, early.eventId(), cause);
                    LOG.error("order: {} (event {})", cause, early.eventId());
                }
            }
        }
    }

    /** The event must be the one the payment, dispatch or delivery stage recorded for this order. */
    private void confirmRecorded(OrderState order, ConsumedEvent input) {
        switch (input.event().type()) {
            case PaymentProcessed -> {
                PaymentProcessed paid = input.payload(PaymentProcessed.class);
                checkTotal(order, paid.amount());
                payments.confirm(order.orderId(), paid.paymentId(), paid.amount(), true);
            }
            case PaymentFailed -> {
                PaymentFailed failed = input.payload(PaymentFailed.class);
                checkTotal(order, failed.amount());
                payments.confirm(order.orderId(), failed.paymentId(), failed.amount(), false);
            }
            case OrderDispatched -> {
                OrderDispatched dispatched = input.payload(OrderDispatched.class);
                shipments.confirm(order.orderId(), dispatched.shipmentId(), dispatched.carrier());
            }
            case OrderDelivered -> {
                OrderDelivered delivered = input.payload(OrderDelivered.class);
                deliveries.forOrder(order.orderId())
                        .filter(delivery -> delivery.shipmentId().equals(delivered.shipmentId()))
                        .orElseThrow(() -> new UnknownReferenceException("order " + order.orderId()
                                + " has no delivery of shipment " + delivered.shipmentId()));
            }
            default -> throw new IllegalArgumentException(input.event().type() + " does not change an order's status");
        }
    }

    private static void checkTotal(OrderState order, BigDecimal amount) {
        if (order.total().compareTo(amount) != 0) {
            throw new ContradictionException("payment amount " + amount.toPlainString() + " is not order "
                    + order.orderId() + "'s total " + order.total().toPlainString());
        }
    }
}
