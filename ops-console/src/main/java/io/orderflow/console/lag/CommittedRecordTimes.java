package io.orderflow.console.lag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import io.orderflow.console.kafka.KafkaClients;

/**
 * The timestamp of the record a lagging group will read next: the exact lag in time, instead of interpolating from
 * offset rates (which fails on bursty and idle topics). One record is fetched per position, only when a committed
 * offset moved, so a group that is steady costs no reads at all.
 */
final class CommittedRecordTimes implements AutoCloseable {

    /** A committed offset on a partition; two groups on one partition usually sit at different positions. */
    record Position(TopicPartition partition, long offset) {
    }

    private static final Duration FETCH_BUDGET = Duration.ofSeconds(3);

    private final KafkaClients clients;
    private final Map<Position, Long> known = new HashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;

    CommittedRecordTimes(KafkaClients clients) {
        this.clients = clients;
    }

    /** Timestamps of the records at the given positions; positions that could not be read are absent. */
    Map<Position, Long> at(Set<Position> positions) {
        known.keySet().retainAll(positions);
        List<Position> wanted = positions.stream().filter(p -> !known.containsKey(p)).toList();
        List<Position> pending = new ArrayList<>(wanted);
        // a consumer reads a partition at one position at a time: one round per distinct position on a partition
        while (!pending.isEmpty()) {
            Map<TopicPartition, Long> round = new HashMap<>();
            pending.removeIf(p -> round.putIfAbsent(p.partition(), p.offset()) == null);
            fetch(round);
        }
        return Map.copyOf(known);
    }

    private void fetch(Map<TopicPartition, Long> round) {
        if (consumer == null) {
            consumer = clients.consumer("lag-probe", 100);
        }
        consumer.assign(round.keySet());
        round.forEach(consumer::seek);
        Set<TopicPartition> missing = new HashSet<>(round.keySet());
        long deadline = System.nanoTime() + FETCH_BUDGET.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
            for (TopicPartition tp : records.partitions()) {
                if (missing.remove(tp)) {
                    // the first record at or after the committed offset (compaction may have removed that one)
                    known.put(new Position(tp, round.get(tp)), records.records(tp).get(0).timestamp());
                    consumer.pause(List.of(tp));
                }
            }
        }
        consumer.assign(List.of());
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
