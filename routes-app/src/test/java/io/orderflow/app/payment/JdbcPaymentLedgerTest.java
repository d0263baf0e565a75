package io.orderflow.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.orderflow.app.database.MigratedH2;
import io.orderflow.payment.PaymentResult;

/** The payment ledger against the migrated schema: one payment per order, enforced by the database. */
class JdbcPaymentLedgerTest {

    private final JdbcClient jdbc = MigratedH2.jdbcClient();
    private final JdbcPaymentLedger ledger = new JdbcPaymentLedger(jdbc,
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void approvedAndDeclinedPaymentsReadBackAsRecorded() {
        PaymentResult approved = new PaymentResult("pay-1", "o-1", new BigDecimal("26.05"), true, null);
        PaymentResult declined = new PaymentResult("pay-2", "o-2", new BigDecimal("5000.00"), false, "over limit");
        assertThat(ledger.recordFirst(approved)).isEmpty();
        assertThat(ledger.recordFirst(declined)).isEmpty();

        assertThat(ledger.forOrder("o-1")).contains(approved);
        assertThat(ledger.forOrder("o-2")).contains(declined);
        assertThat(ledger.forOrder("o-3")).isEmpty();
        assertThat(jdbc.sql("select processed_at from payments where payment_id = 'pay-1'")
                .query(java.time.OffsetDateTime.class).single().toInstant())
                .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aSecondPaymentForTheSameOrderIsNotRecordedAndTheFirstIsReturned() {
        PaymentResult first = new PaymentResult("pay-1", "o-1", new BigDecimal("10.00"), true, null);
        assertThat(ledger.recordFirst(first)).isEmpty();
        assertThat(ledger.recordFirst(new PaymentResult("pay-2", "o-1", BigDecimal.ONE, false, "over limit")))
                .contains(first);
        assertThat(jdbc.sql("select count(*) from payments").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondPaymentForAnOrderThatTheInsertsCheckMissed() {
        ledger.recordFirst(new PaymentResult("pay-1", "o-1", BigDecimal.TEN, true, null));
        // what a concurrent insert for the same order meets: the unique order_id, not the insert's own check
        assertThatThrownBy(() -> jdbc.sql("""
                insert into payments (payment_id, order_id, amount, approved, processed_at)
                values ('pay-2', 'o-1', 10, true, current_timestamp)""").update())
                .isInstanceOf(DuplicateKeyException.class);
    }
}
