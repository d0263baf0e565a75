package io.orderflow.app.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.orderflow.app.database.MigratedH2;
import io.orderflow.dispatch.Shipment;

/** The shipment registry against the migrated schema: one shipment per order. */
class JdbcShipmentRegistryTest {

    private final JdbcShipmentRegistry shipments = new JdbcShipmentRegistry(MigratedH2.jdbcClient());

    @Test
    void aShipmentReadsBackAsRecordedAndOnlyOncePerOrder() {
        Shipment shipment = new Shipment("s-1", "o-1", "DHL", Instant.parse("2026-12-01T10:00:00.250Z"));
        assertThat(shipments.recordFirst(shipment)).isEmpty();

        assertThat(shipments.forOrder("o-1")).contains(shipment);
        assertThat(shipments.forOrder("o-2")).isEmpty();
        assertThat(shipments.recordFirst(new Shipment("s-2", "o-1", "UPS", Instant.now()))).contains(shipment);
        assertThat(shipments.forOrder("o-1")).contains(shipment);
    }
}
