package io.orderflow.console.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("order-events", 0);
    private static final TopicPartition P1 = new TopicPartition("order-events", 1);

    private final LagTracker tracker = new LagTracker(3);

    @Test
    void lagIsEndMinusCommittedAndItsTimeIsTheAgeOfTheNextRecord() {
        LagReport report = tracker.update(observation(10_000, Map.of(P0, 5L, P1, 9L), Map.of(P0, 8L, P1, 9L),
                Map.of(new CommittedRecordTimes.Position(P0, 5), 7_500L), "member-1"));

        GroupLag group = report.group("orderflow-payment").orElseThrow();
        assertThat(group.totalLag()).isEqualTo(3);
        PartitionLag p0 = group.partitions().get(0);
        assertThat(p0.lag()).isEqualTo(3);
        assertThat(p0.lagMillis()).isEqualTo(2_500);
        assertThat(group.partitions().get(1).lagMillis()).isZero();
        assertThat(group.maxLagMillis()).isEqualTo(2_500);
    }

    @Test
    void trendRatesAndCatchUpComeFromTheRecentSamples() {
        tracker.update(observation(0, Map.of(P0, 100L), Map.of(P0, 200L), Map.of(), "m"));
        LagReport report = tracker.update(observation(10_000, Map.of(P0, 160L), Map.of(P0, 220L), Map.of(), "m"));

        PartitionLag p0 = report.group("orderflow-payment").orElseThrow().partitions().get(0);
        assertThat(p0.lag()).isEqualTo(60);
        assertThat(p0.trend()).isEqualTo(-40);
        assertThat(p0.consumeRate()).isEqualTo(6.0);
        assertThat(p0.produceRate()).isEqualTo(2.0);
        assertThat(p0.catchUpMillis()).isEqualTo(15_000);
    }

    @Test
    void aFallingBehindPartitionIsNotCatchingUp() {
        tracker.update(observation(0, Map.of(P0, 100L), Map.of(P0, 110L), Map.of(), "m"));
        PartitionLag p0 = tracker.update(observation(1_000, Map.of(P0, 101L), Map.of(P0, 130L), Map.of(), "m"))
                .group("orderflow-payment").orElseThrow().partitions().get(0);
        assertThat(p0.catchUpMillis()).isNull();
        assertThat(p0.trend()).isEqualTo(19);
    }

    @Test
    void aStoppedPartitionMakesTheGroupErr() {
        tracker.update(observation(0, Map.of(P0, 1L, P1, 4L), Map.of(P0, 9L, P1, 4L), Map.of(), null));
        GroupLag group = tracker.update(observation(1_000, Map.of(P0, 1L, P1, 4L), Map.of(P0, 9L, P1, 4L), Map.of(),
                null)).group("orderflow-payment").orElseThrow();

        assertThat(group.partitions()).extracting(PartitionLag::status).containsExactly(LagStatus.STOP, LagStatus.OK);
        assertThat(group.status()).isEqualTo(LagStatus.ERR);
        assertThat(group.worst().partition()).isZero();
    }

    @Test
    void partitionsWithoutAnEndOffsetAreLeftOut() {
        LagReport report = tracker.update(observation(0, Map.of(P0, 1L, P1, 1L), Map.of(P0, 1L), Map.of(), "m"));
        assertThat(report.group("orderflow-payment").orElseThrow().partitions()).hasSize(1);
    }

    private static LagObservation observation(long at, Map<TopicPartition, Long> committed,
                                              Map<TopicPartition, Long> ends,
                                              Map<CommittedRecordTimes.Position, Long> timestamps, String owner) {
        Map<TopicPartition, String> owners = owner == null ? Map.of() : Map.of(P0, owner, P1, owner);
        return new LagObservation(at, List.of(new LagObservation.Group("orderflow-payment", "Stable",
                owner == null ? 0 : 1, committed, owners)), ends, timestamps);
    }
}
