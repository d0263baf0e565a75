package io.orderflow.payment;

import java.math.BigDecimal;

/** Outcome of one payment attempt; {@code declineReason} is null when approved. */
public record PaymentResult(String paymentId, String orderId, BigDecimal amount, boolean approved,
                            String declineReason) {

    static PaymentResult approved(String paymentId, String orderId, BigDecimal amount) {
        return new PaymentResult(paymentId, orderId, amount, true, null);
    }

    static PaymentResult declined(String paymentId, String orderId, BigDecimal amount, String reason) {
        return new PaymentResult(paymentId, orderId, amount, false, reason);
    }
}
