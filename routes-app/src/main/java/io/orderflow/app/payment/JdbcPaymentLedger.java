package io.orderflow.app.payment;

import static io.orderflow.app.database.Timestamps.utc;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.payment.PaymentLedger;
import io.orderflow.payment.PaymentResult;

@Repository
public class JdbcPaymentLedger implements PaymentLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcPaymentLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An insert that checks for the order's payment itself: a second consumer inserting for the same order at the
     * same moment meets the unique order_id instead, and its record is retried and then finds this one.
     */
    @Override
    public Optional<PaymentResult> recordFirst(PaymentResult payment) {
        int inserted = jdbc.sql("""
                insert into payments (payment_id, order_id, amount, approved, decline_reason, processed_at)
                select ?, ?, ?, ?, ?, ? where not exists (select 1 from payments where order_id = ?)""")
                .params(payment.paymentId(), payment.orderId(), payment.amount(), payment.approved(),
                        payment.declineReason(), utc(clock.instant()), payment.orderId())
                .update();
        return inserted == 1 ? Optional.empty() : Optional.of(forOrder(payment.orderId()).orElseThrow());
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
