package io.orderflow.console.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import io.orderflow.console.kafka.KafkaClients;
import io.orderflow.console.kafka.Offsets;
import io.orderflow.console.kafka.Topics;

/**
 * Measures every topic's message rate from the growth of its end offsets between two samples, so the numbers need
 * nothing but the admin API (no JMX, no metrics endpoint) and work against any cluster. Runs on one background
 * thread; it keeps the previous end offsets to compute the rates.
 */
public final class TrafficSampler {

    /** Beyond this many topics the rest are not watched, so a huge cluster cannot make a round unbounded. */
    static final int MAX_TOPICS = 500;

    private final KafkaClients clients;
    private Map<String, Long> previousEnds = Map.of();
    private long previousAtMillis;

    public TrafficSampler(KafkaClients clients) {
        this.clients = clients;
    }

    public TrafficSample sample() throws ExecutionException, InterruptedException {
        Admin admin = clients.admin();
        List<String> topics = watched(admin.listTopics().names().get());
        Map<String, Integer> partitionCounts = Offsets.partitionCounts(admin, topics);
        List<TopicPartition> partitions = Offsets.partitions(partitionCounts);
        Map<String, Long> ends = Offsets.sumByTopic(Offsets.latest(admin, partitions));
        long atMillis = System.currentTimeMillis();
        Map<String, Long> starts = Offsets.sumByTopic(Offsets.earliest(admin, partitions));

        double seconds = (atMillis - previousAtMillis) / 1000.0;
        List<TopicTraffic> traffic = new ArrayList<>();
        for (String topic : topics) {
            if (!partitionCounts.containsKey(topic)) {
                continue;
            }
            long end = ends.getOrDefault(topic, 0L);
            Long previous = previousEnds.get(topic);
            // a topic recreated with fewer records would give a negative rate: treat it as unmeasured
            double rate = previous == null || end < previous || seconds <= 0 ? Double.NaN : (end - previous) / seconds;
            traffic.add(new TopicTraffic(topic, partitionCounts.get(topic), end,
                    end - starts.getOrDefault(topic, 0L), rate));
        }
        previousEnds = new HashMap<>(ends);
        previousAtMillis = atMillis;
        return new TrafficSample(Instant.ofEpochMilli(atMillis), List.copyOf(traffic));
    }

    /** Pipeline topics and their dead-letter topics first (in flow order), then the others by name. */
    static List<String> watched(Set<String> names) {
        List<String> order = Topics.pipelineWithDeadLetters();
        Comparator<String> pipelineFirst = Comparator
                .comparingInt((String name) -> order.contains(name) ? order.indexOf(name) : order.size())
                .thenComparing(Comparator.naturalOrder());
        return names.stream().sorted(pipelineFirst).limit(MAX_TOPICS).toList();
    }
}
