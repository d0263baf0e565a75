package io.orderflow.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.orderflow.app.database.MigratedH2;
import io.orderflow.delivery.Delivery;

/** The delivery log against the migrated schema: one delivery per order. */
class JdbcDeliveryLogTest {

    private final JdbcDeliveryLog deliveries = new JdbcDeliveryLog(MigratedH2.jdbcClient());

    @Test
    void aDeliveryReadsBackAsRecordedAndOnlyOncePerOrder() {
        Delivery delivery = new Delivery("o-1", "s-1", "DHL", Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(deliveries.recordFirst(delivery)).isEmpty();

        assertThat(deliveries.forOrder("o-1")).contains(delivery);
        assertThat(deliveries.forOrder("o-2")).isEmpty();
        assertThat(deliveries.recordFirst(new Delivery("o-1", "s-2", "UPS", Instant.now()))).contains(delivery);
        assertThat(deliveries.forOrder("o-1")).contains(delivery);
    }
}
