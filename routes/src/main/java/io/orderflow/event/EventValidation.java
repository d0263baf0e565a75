package io.orderflow.event;

import static io.orderflow.event.OrderRules.checkId;
import static io.orderflow.event.OrderRules.checkLine;
import static io.orderflow.event.OrderRules.checkLines;
import static io.orderflow.event.OrderRules.checkMoney;
import static io.orderflow.event.OrderRules.checkTotal;

import io.orderflow.event.Payloads.CartCheckedOut;
import io.orderflow.event.Payloads.CartItemAdded;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.OrderDelivered;
import io.orderflow.event.Payloads.OrderDispatched;
import io.orderflow.event.Payloads.PaymentFailed;
import io.orderflow.event.Payloads.PaymentProcessed;

/**
 * Checks a decoded event's payload with {@link OrderRules}, and that the envelope speaks of the same order as its
 * payload (the key and the order stage go by the envelope, the other stages by the payload).
 */
final class EventValidation {

    private EventValidation() {
    }

    static void check(EventEnvelope envelope) {
        Record payload = envelope.payload();
        if (payload instanceof CartItemAdded item) {
            checkId("payload.cartId", item.cartId());
            checkLine("payload", item.productId(), item.quantity(), item.price());
        } else if (payload instanceof CartCheckedOut checkout) {
            checkId("payload.cartId", checkout.cartId());
            checkId("payload.customerId", checkout.customerId());
            checkOrderId(envelope, checkout.orderId());
            checkLines("payload.items", checkout.items());
        } else if (payload instanceof OrderCreated created) {
            checkOrderId(envelope, created.orderId());
            checkId("payload.customerId", created.customerId());
            checkLines("payload.items", created.items());
            checkTotal("payload.total", created.total(), created.items());
        } else if (payload instanceof PaymentProcessed paid) {
            checkOrderId(envelope, paid.orderId());
            checkId("payload.paymentId", paid.paymentId());
            checkMoney("payload.amount", paid.amount());
        } else if (payload instanceof PaymentFailed failed) {
            checkOrderId(envelope, failed.orderId());
            checkId("payload.paymentId", failed.paymentId());
            checkMoney("payload.amount", failed.amount());
        } else if (payload instanceof OrderDispatched dispatched) {
            checkOrderId(envelope, dispatched.orderId());
            checkId("payload.shipmentId", dispatched.shipmentId());
            checkId("payload.carrier", dispatched.carrier());
        } else if (payload instanceof OrderDelivered delivered) {
            checkOrderId(envelope, delivered.orderId());
            checkId("payload.shipmentId", delivered.shipmentId());
        } else {
            throw new IllegalArgumentException("no rules for " + payload.getClass().getSimpleName());
        }
    }

    private static void checkOrderId(EventEnvelope envelope, String payloadOrderId) {
        checkId("payload.orderId", payloadOrderId);
        if (!payloadOrderId.equals(envelope.orderId())) {
            throw new InvalidEventException("payload.orderId " + payloadOrderId + " is not the envelope's orderId "
                    + envelope.orderId());
        }
    }
}
