package io.orderflow.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.orderflow.console.kafka.EventRecord;

class TailBufferTest {

    @Test
    void keepsRecordsFromAllPartitionsInTimeOrderEvenWhenOneArrivesLate() {
        TailBuffer buffer = new TailBuffer(100, Long.MAX_VALUE);
        buffer.addAll(List.of(record("a", 0, 1, 1_000), record("a", 0, 2, 3_000)));
        buffer.addAll(List.of(record("b", 1, 7, 2_000), record("b", 1, 8, 4_000)));

        assertThat(buffer.records()).extracting(EventRecord::timestamp).containsExactly(1_000L, 2_000L, 3_000L, 4_000L);
    }

    @Test
    void dropsTheOldestBeyondItsCapacity() {
        TailBuffer buffer = new TailBuffer(3, Long.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            buffer.addAll(List.of(record("a", 0, i, i)));
        }
        assertThat(buffer.records()).extracting(EventRecord::offset).containsExactly(2L, 3L, 4L);
    }

    @Test
    void dropsTheOldestBeyondItsMemoryBudget() {
        EventRecord one = record("a", 0, 0, 0);
        TailBuffer buffer = new TailBuffer(1_000, one.retainedBytes() * 2);
        buffer.addAll(List.of(one, record("a", 0, 1, 1), record("a", 0, 2, 2)));
        assertThat(buffer.records()).extracting(EventRecord::offset).containsExactly(1L, 2L);
    }

    static EventRecord record(String topic, int partition, long offset, long timestamp) {
        return new EventRecord(topic, partition, offset, timestamp, "key-" + offset, ("key-" + offset).getBytes(), List.of(),
                new byte[10], 10,
                "OrderCreated", "order-" + offset);
    }
}
