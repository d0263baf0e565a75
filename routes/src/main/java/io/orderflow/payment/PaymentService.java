package io.orderflow.payment;

import java.math.BigDecimal;

/**
 * The payment rule. There is no real card processor: an amount above the configured limit (default 10,000.00)
 * is declined, as is a non-positive amount; everything else is approved.
 */
public final class PaymentService {

    public static final BigDecimal DEFAULT_LIMIT = new BigDecimal("10000.00");

    private final BigDecimal limit;

    public PaymentService(BigDecimal limit) {
        this.limit = limit;
    }

    public PaymentResult processPayment(String paymentId, String orderId, BigDecimal amount) {
        if (amount.signum() <= 0) {
            return PaymentResult.declined(paymentId, orderId, amount, "amount must be positive");
        }
        if (amount.compareTo(limit) > 0) {
            return PaymentResult.declined(paymentId, orderId, amount,
                    "amount " + amount.toPlainString() + " exceeds the limit of " + limit.toPlainString());
        }
        return PaymentResult.approved(paymentId, orderId, amount);
    }
}
