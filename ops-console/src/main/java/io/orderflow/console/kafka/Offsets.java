package io.orderflow.console.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Admin-client reads the samplers share: partitions of topics, and their start or end offsets in one request. */
public final class Offsets {

    private Offsets() {
    }

    public static Map<TopicPartition, Long> latest(Admin admin, Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        return list(admin, partitions, OffsetSpec.latest());
    }

    public static Map<TopicPartition, Long> earliest(Admin admin, Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        return list(admin, partitions, OffsetSpec.earliest());
    }

    private static Map<TopicPartition, Long> list(Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> spec, (a, b) -> a));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** Partition count of each topic; topics that do not exist (yet) are left out. */
    public static Map<String, Integer> partitionCounts(Admin admin, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        Map<String, Integer> counts = new HashMap<>();
        for (var entry : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                counts.put(entry.getKey(), entry.getValue().get().partitions().size());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return counts;
    }

    public static List<TopicPartition> partitions(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .flatMap(e -> IntStream.range(0, e.getValue()).mapToObj(p -> new TopicPartition(e.getKey(), p)))
                .toList();
    }

    public static Map<String, Long> sumByTopic(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(Map.Entry::getValue)));
    }
}
