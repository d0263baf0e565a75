package io.orderflow.payment;


import org.slf4j.Logger;

import io.orderflow.contract.EventType;
import io.orderflow.event.ContradictionException;
import io.orderflow.event.EventCodec;
import io.orderflow.event.TimeOrderedIds;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.PaymentFailed;
import io.orderflow.event.Payloads.PaymentProcessed;
import io.orderflow.event.TransitionLog;
import io.orderflow.event.UnknownReferenceException;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.order.OrderBook;
import io.orderflow.order.OrderState;
import io.orderflow.order.OrderStatus;
import io.orderflow.reliability.ConsumedEvent;

/** OrderCreated -> charge -> PaymentProcessed or PaymentFailed, for an order that exists and is not paid yet. */
public final class PaymentHandler {

    private static final Logger LOG = TransitionLog.LOG;

    private final PaymentService payments;
    private final OrderBook orders;
    private final PaymentLedger ledger;
    private final EventPublisher publisher;
    private final EventCodec codec;

    public PaymentHandler(PaymentService payments, OrderBook orders, PaymentLedger ledger, EventPublisher publisher,
                          EventCodec codec) {
        this.payments = payments;
        this.orders = orders;
        this.ledger = ledger;
        this.publisher = publisher;
        this.codec = codec;
    }

    public void onOrderCreated(ConsumedEvent input) {
        OrderCreated order = input.payload(OrderCreated.class);
        checkChargeable(order);
        // derived from the event, so a redelivered OrderCreated can never mint a second payment id
        String paymentId = "pay-" + TimeOrderedIds.derived(input.event().eventId(), "payment");
        PaymentResult result = payments.processPayment(paymentId, order.orderId(), order.total());
        ledger.recordFirst(result).ifPresent(earlier -> {
            throw new ContradictionException("order " + order.orderId() + " was already charged by payment "
                    + earlier.paymentId());
        });
        if (result.approved()) {
            publisher.publish(codec.causedBy(input.event(), EventType.PaymentProcessed,
                    new PaymentProcessed(paymentId, order.orderId(), order.total())));
        } else {
            publisher.publish(codec.causedBy(input.event(), EventType.PaymentFailed,
                    new PaymentFailed(paymentId, order.orderId(), order.total(), result.declineReason())));
        }
        LOG.info("payment: order {} {} {} (correlation {})", order.orderId(),
                result.approved() ? "PAID" : "PAYMENT_FAILED", order.total().toPlainString(),
                input.event().correlationId());
    }

    /** Only an order this database holds, still unpaid, is charged, and for its own total (and once: recordFirst). */
    private void checkChargeable(OrderCreated event) {
        OrderState order = orders.find(event.orderId()).orElseThrow(() -> new UnknownReferenceException(
                "order " + event.orderId() + " does not exist"));
        if (order.status() != OrderStatus.CREATED) {
            throw new ContradictionException("order " + event.orderId() + " is " + order.status() + ", not CREATED");
        }
        if (order.total().compareTo(event.total()) != 0) {
            throw new ContradictionException("order " + event.orderId() + " totals " + order.total().toPlainString()
                    + ", not " + event.total().toPlainString());
        }
    }
}
