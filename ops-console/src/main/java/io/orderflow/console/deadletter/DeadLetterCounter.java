package io.orderflow.console.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import io.orderflow.console.kafka.KafkaClients;
import io.orderflow.console.kafka.Offsets;
import io.orderflow.console.kafka.Topics;

/**
 * Counts dead letters per consumer group by reading every *.DLT record once (from the beginning, then as they
 * arrive) and keeping only the counts: a stage's dead letters are those its group wrote, which the original
 * consumer-group header says (payment-events.DLT holds failures of two groups). Runs on one background thread.
 */
public final class DeadLetterCounter implements AutoCloseable {

    static final String GROUP_HEADER = "kafka_dlt-original-consumer-group";
    static final String UNKNOWN_GROUP = "(unknown)";
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private final KafkaClients clients;
    private final Map<String, Long> countByGroup = new HashMap<>();
    private final Map<String, Instant> latestByGroup = new HashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;

    public DeadLetterCounter(KafkaClients clients) {
        this.clients = clients;
    }

    public DeadLetterTally sample() throws ExecutionException, InterruptedException {
        List<String> topics = clients.admin().listTopics().names().get().stream()
                .filter(Topics::isDeadLetterTopic).sorted().toList();
        Set<TopicPartition> partitions = new HashSet<>(Offsets.partitions(Offsets.partitionCounts(clients.admin(), topics)));
        if (consumer == null) {
            consumer = clients.consumer("dead-letter-count", 500);
        }
        Set<TopicPartition> added = new HashSet<>(partitions);
        added.removeAll(consumer.assignment());
        if (!added.isEmpty()) {
            // positions of partitions already assigned are kept: every record is counted once
            consumer.assign(partitions);
            consumer.seekToBeginning(added);
        }
        readToEnd(partitions);
        return new DeadLetterTally(Map.copyOf(countByGroup), Map.copyOf(latestByGroup));
    }

    private void readToEnd(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        while (!caughtUp(ends) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                String group = group(record);
                countByGroup.merge(group, 1L, Long::sum);
                latestByGroup.merge(group, Instant.ofEpochMilli(record.timestamp()),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String group(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(GROUP_HEADER);
        return header == null || header.value() == null ? UNKNOWN_GROUP
                : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
