package io.orderflow.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.orderflow.console.deadletter.DeadLetterTally;
import io.orderflow.console.lag.GroupLag;
import io.orderflow.console.lag.LagReport;
import io.orderflow.console.lag.LagStatus;
import io.orderflow.console.lag.PartitionLag;
import io.orderflow.console.traffic.TopicTraffic;
import io.orderflow.console.traffic.TrafficSample;

class StageFiguresTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final TrafficSample traffic = new TrafficSample(NOW, List.of(
            new TopicTraffic("order-events", 3, 100, 100, 4.0), new TopicTraffic("payment-events", 3, 90, 90, 3.5)));

    @Test
    void aStageConsumesThePreviousTopicAndProducesItsOwn() {
        StageFigures payment = StageFigures.of(Stage.PAYMENT, traffic, lag(LagStatus.OK, 7), tally(Map.of()), NOW);
        assertThat(payment.inRate()).isEqualTo(2.5);
        assertThat(payment.outRate()).isEqualTo(3.5);
        assertThat(payment.lag()).isEqualTo(7);
        assertThat(payment.health()).isEqualTo("OK");
    }

    @Test
    void recentDeadLettersRaiseAHealthyStageToWarnAndBurrowErrorsStayErr() {
        DeadLetterTally recent = tally(Map.of("orderflow-payment", NOW.minusSeconds(60)));
        assertThat(StageFigures.of(Stage.PAYMENT, traffic, lag(LagStatus.OK, 0), recent, NOW).health()).isEqualTo("WARN");
        assertThat(StageFigures.of(Stage.PAYMENT, traffic, lag(LagStatus.STOP, 9), recent, NOW).health()).isEqualTo("ERR");
        DeadLetterTally old = tally(Map.of("orderflow-payment", NOW.minusSeconds(3600)));
        assertThat(StageFigures.of(Stage.PAYMENT, traffic, lag(LagStatus.OK, 0), old, NOW).health()).isEqualTo("OK");
    }

    @Test
    void withoutSamplesOrWithoutItsGroupTheHealthIsUnknown() {
        assertThat(StageFigures.of(Stage.PAYMENT, null, null, null, NOW).health()).isEqualTo("UNKNOWN");
        assertThat(StageFigures.of(Stage.DISPATCH, traffic, lag(LagStatus.OK, 0), null, NOW).health())
                .isEqualTo("UNKNOWN");
        assertThat(StageFigures.of(Stage.CART, traffic, null, null, NOW).inRate()).isNaN();
    }

    private static LagReport lag(LagStatus status, long lag) {
        PartitionLag partition = new PartitionLag("order-events", 0, 10, 10 + lag, lag, 0L, 0, 2.5, 4.0, null,
                "m", status);
        return new LagReport(NOW, List.of(new GroupLag("orderflow-payment", "Stable", 1, List.of(partition))));
    }

    private static DeadLetterTally tally(Map<String, Instant> latest) {
        Map<String, Long> counts = new java.util.HashMap<>();
        latest.keySet().forEach(group -> counts.put(group, 1L));
        return new DeadLetterTally(counts, latest);
    }
}
