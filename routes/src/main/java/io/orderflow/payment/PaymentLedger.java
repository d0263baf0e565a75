package io.orderflow.payment;

import java.math.BigDecimal;
import java.util.Optional;

import io.orderflow.event.ContradictionException;
import io.orderflow.event.UnknownReferenceException;

/** Where payments are recorded; the application keeps them in its database. */
public interface PaymentLedger {

    /**
     * Records the payment, unless its order has one already (one payment per order): then records nothing and
     * returns that earlier one. One statement where a look-up and an insert were two, on every order.
     */
    Optional<PaymentResult> recordFirst(PaymentResult payment);

    Optional<PaymentResult> forOrder(String orderId);

    /**
     * The payment an event speaks of, as this ledger recorded it: same id, same amount, same outcome. A payment
     * event is published only after its row committed, so a missing row means the event was not made here.
     */
    default PaymentResult confirm(String orderId, String paymentId, BigDecimal amount, boolean approved) {
        PaymentResult payment = forOrder(orderId).orElseThrow(() -> new UnknownReferenceException(
                "order " + orderId + " has no payment " + paymentId));
        if (!payment.paymentId().equals(paymentId)) {
            throw new ContradictionException("order " + orderId + " was charged by payment " + payment.paymentId()
                    + ", not " + paymentId);
        }
        if (payment.approved() != approved) {
            throw new ContradictionException("payment " + paymentId + " of order " + orderId + " was "
                    + (payment.approved() ? "approved" : "declined"));
        }
        if (payment.amount().compareTo(amount) != 0) {
            throw new ContradictionException("payment " + paymentId + " of order " + orderId + " was for "
                    + payment.amount().toPlainString() + ", not " + amount.toPlainString());
        }
        return payment;
    }
}
