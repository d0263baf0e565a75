package io.orderflow.app.payment;

import static io.orderflow.app.database.Timestamps.utc;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.app.database.OnePerOrderInsert;
import io.orderflow.payment.PaymentLedger;
import io.orderflow.payment.PaymentResult;

@Repository
public class JdbcPaymentLedger implements PaymentLedger {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OnePerOrderInsert firstPayment;

    public JdbcPaymentLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.firstPayment = new OnePerOrderInsert(jdbc, "payments", "payment_id", "order_id", "amount", "approved",
                "decline_reason", "processed_at");
    }

    @Override
    public Optional<PaymentResult> recordFirst(PaymentResult payment) {
        return firstPayment.insertFirst(payment.orderId(), this::forOrder, payment.paymentId(), payment.orderId(),
                payment.amount(), payment.approved(), payment.declineReason(), utc(clock.instant()));
    }

    @Override
    public Optional<PaymentResult> forOrder(String orderId) {
        return jdbc.sql("select payment_id, amount, approved, decline_reason from payments where order_id = ?")
                .param(orderId)
                .query((rs, row) -> new PaymentResult(rs.getString("payment_id"), orderId, rs.getBigDecimal("amount"),
                        rs.getBoolean("approved"), rs.getString("decline_reason")))
                .optional();
    }
}
