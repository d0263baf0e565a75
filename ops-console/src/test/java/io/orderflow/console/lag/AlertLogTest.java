package io.orderflow.console.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AlertLogTest {

    private final AlertLog log = new AlertLog();

    @Test
    void aChangeToWarnOrWorseRaisesOneAlertUntilTheStatusChangesAgain() {
        log.update(report(LagStatus.OK));
        assertThat(log.alerts()).isEmpty();

        log.update(report(LagStatus.WARN));
        log.update(report(LagStatus.WARN));
        assertThat(log.alerts()).hasSize(1);
        assertThat(log.alerts().get(0).headline()).isEqualTo("orderflow-payment: OK → WARN");

        log.update(report(LagStatus.STALL));
        assertThat(log.alerts()).hasSize(2);
        assertThat(log.alerts().get(0).to()).isEqualTo(LagStatus.ERR);
        assertThat(log.alerts().get(0).detail()).startsWith("order-events-0 STALL");
        assertThat(log.unacknowledgedProperty().get()).isEqualTo(2);

        log.update(report(LagStatus.OK));
        assertThat(log.alerts()).hasSize(2);
        log.acknowledgeAll();
        assertThat(log.unacknowledgedProperty().get()).isZero();
    }

    @Test
    void keepsABoundedHistory() {
        for (int i = 0; i < AlertLog.CAPACITY + 20; i++) {
            log.update(report(i % 2 == 0 ? LagStatus.WARN : LagStatus.STOP));
        }
        assertThat(log.alerts()).hasSize(AlertLog.CAPACITY);
    }

    private static LagReport report(LagStatus partitionStatus) {
        PartitionLag partition = new PartitionLag("order-events", 0, 5, 9, 4, 1_000L, 0, 0, 0, null, null,
                partitionStatus);
        return new LagReport(Instant.now(), List.of(new GroupLag("orderflow-payment", "Stable", 1, List.of(partition))));
    }
}
