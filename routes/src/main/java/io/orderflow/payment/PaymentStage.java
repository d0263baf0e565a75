package io.orderflow.payment;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.event.EventCodec;
import io.orderflow.event.EventType;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.PaymentFailed;
import io.orderflow.event.Payloads.PaymentProcessed;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.reliability.StageInput;

/** OrderCreated -> charge -> PaymentProcessed or PaymentFailed. */
public final class PaymentStage {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentStage.class);

    private final PaymentService payments;
    private final PaymentLedger ledger;
    private final EventPublisher publisher;
    private final EventCodec codec;

    public PaymentStage(PaymentService payments, PaymentLedger ledger, EventPublisher publisher, EventCodec codec) {
        this.payments = payments;
        this.ledger = ledger;
        this.publisher = publisher;
        this.codec = codec;
    }

    public void onOrderCreated(StageInput input) {
        OrderCreated order = codec.payload(input.event(), OrderCreated.class);
        // derived from the event, so a redelivered OrderCreated can never mint a second payment id
        String paymentId = "pay-" + UUID.nameUUIDFromBytes(
                (input.event().eventId() + "/payment").getBytes(StandardCharsets.UTF_8));
        PaymentResult result = payments.processPayment(paymentId, order.orderId(), order.total());
        ledger.record(result);
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
}
