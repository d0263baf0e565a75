package io.orderflow.console.traffic;

import java.time.Instant;
import java.util.ArrayDeque;
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
import io.orderflow.contract.Topic;

/**
 * Measures every topic's message rate from the growth of its end offsets, so the numbers need nothing but the
 * admin API (no JMX, no metrics endpoint) and work against any cluster. The rate is averaged over the last few
 * samples, the same span the lag view's consume rates cover, so a stage's "in" and "out" compare like for like.
 * Runs on one background thread.
 */
public final class TrafficSampler {

    /** Beyond this many topics the rest are not watched, so a huge cluster cannot make a round unbounded. */
    static final int MAX_TOPICS = 500;

    private record Point(long atMillis, long endOffsets) {
    }

    private final KafkaClients clients;
    private final int rateSamples;
    private Map<String, ArrayDeque<Point>> history = new HashMap<>();

    /** {@code rateSamples}: how many sampling intervals a rate is averaged over. */
    public TrafficSampler(KafkaClients clients, int rateSamples) {
        this.clients = clients;
        this.rateSamples = rateSamples;
    }

    public TrafficSample sample() throws ExecutionException, InterruptedException {
        Admin admin = clients.admin();
        List<String> topics = watched(admin.listTopics().names().get());
        Map<String, Integer> partitionCounts = Offsets.partitionCounts(admin, topics);
        List<TopicPartition> partitions = Offsets.partitions(partitionCounts);
        Map<String, Long> ends = Offsets.sumByTopic(Offsets.latest(admin, partitions));
        long atMillis = System.currentTimeMillis();
        Map<String, Long> starts = Offsets.sumByTopic(Offsets.earliest(admin, partitions));

        List<TopicTraffic> traffic = new ArrayList<>();
        Map<String, ArrayDeque<Point>> next = new HashMap<>();
        for (String topic : topics) {
            if (!partitionCounts.containsKey(topic)) {
                continue;
            }
            long end = ends.getOrDefault(topic, 0L);
            ArrayDeque<Point> points = history.getOrDefault(topic, new ArrayDeque<>());
            if (!points.isEmpty() && end < points.peekLast().endOffsets()) {
                points.clear(); // recreated with fewer records: measure afresh rather than show a negative rate
            }
            points.addLast(new Point(atMillis, end));
            if (points.size() > rateSamples + 1) {
                points.removeFirst();
            }
            next.put(topic, points);
            traffic.add(new TopicTraffic(topic, partitionCounts.get(topic), end,
                    end - starts.getOrDefault(topic, 0L), rate(points)));
        }
        history = next;
        return new TrafficSample(Instant.ofEpochMilli(atMillis), List.copyOf(traffic));
    }

    /** Records per second between the oldest and newest point; NaN until there are two. */
    private static double rate(ArrayDeque<Point> points) {
        Point first = points.peekFirst();
        Point last = points.peekLast();
        double seconds = (last.atMillis() - first.atMillis()) / 1000.0;
        return seconds <= 0 ? Double.NaN : (last.endOffsets() - first.endOffsets()) / seconds;
    }

    /** Pipeline topics and their dead-letter topics first (in flow order), then the others by name. */
    static List<String> watched(Set<String> names) {
        List<String> order = Topic.allTopicNames();
        Comparator<String> pipelineFirst = Comparator
                .comparingInt((String name) -> order.contains(name) ? order.indexOf(name) : order.size())
                .thenComparing(Comparator.naturalOrder());
        return names.stream().sorted(pipelineFirst).limit(MAX_TOPICS).toList();
    }
}
