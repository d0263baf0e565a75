package io.orderflow.console.lag;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Turns successive observations into lag rows: lag in records and time, trend and time to catch up over the
 * recent samples, and the Burrow status from each partition's commit window. Keeps state only for partitions in
 * the latest observation, so deleted groups and topics do not accumulate.
 */
final class LagTracker {

    private record Key(String group, TopicPartition partition) {
    }

    private record Sample(long atMillis, long committed, long end) {
    }

    private static final class Track {
        final CommitWindow window;
        final ArrayDeque<Sample> recent = new ArrayDeque<>();

        Track(int windowSize) {
            window = new CommitWindow(windowSize);
        }
    }

    private final int windowSize;
    private Map<Key, Track> tracks = new HashMap<>();

    LagTracker(int windowSize) {
        this.windowSize = windowSize;
    }

    LagReport update(LagObservation observation) {
        Map<Key, Track> next = new HashMap<>();
        List<GroupLag> groups = new ArrayList<>();
        for (LagObservation.Group group : observation.groups()) {
            List<PartitionLag> partitions = new ArrayList<>();
            group.committed().entrySet().stream()
                    .filter(e -> observation.endOffsets().containsKey(e.getKey()))
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(TopicPartition::topic)
                            .thenComparingInt(TopicPartition::partition)))
                    .forEach(e -> {
                        Key key = new Key(group.id(), e.getKey());
                        Track track = tracks.getOrDefault(key, new Track(windowSize));
                        next.put(key, track);
                        partitions.add(evaluate(track, e.getKey(), e.getValue(), group.owners().get(e.getKey()),
                                observation));
                    });
            groups.add(new GroupLag(group.id(), group.state(), group.members(), List.copyOf(partitions)));
        }
        tracks = next;
        groups.sort(Comparator.comparing(GroupLag::group));
        return new LagReport(Instant.ofEpochMilli(observation.atMillis()), List.copyOf(groups));
    }

    private PartitionLag evaluate(Track track, TopicPartition tp, long committed, String owner,
                                  LagObservation observation) {
        long now = observation.atMillis();
        long end = observation.endOffsets().get(tp);
        long lag = Math.max(0, end - committed);
        track.window.observe(committed, lag, now, owner != null);
        track.recent.addLast(new Sample(now, committed, end));
        if (track.recent.size() > windowSize) {
            track.recent.removeFirst();
        }

        Sample first = track.recent.peekFirst();
        double seconds = (now - first.atMillis()) / 1000.0;
        double consumeRate = seconds > 0 ? (committed - first.committed()) / seconds : 0;
        double produceRate = seconds > 0 ? (end - first.end()) / seconds : 0;
        long trend = lag - Math.max(0, first.end() - first.committed());

        Long recordTime = observation.committedRecordTimestamps().get(new CommittedRecordTimes.Position(tp, committed));
        Long lagMillis = lag == 0 ? Long.valueOf(0) : recordTime == null ? null : Math.max(0, now - recordTime);
        Long catchUp = lag == 0 ? Long.valueOf(0)
                : consumeRate > produceRate ? Long.valueOf(Math.round(lag / (consumeRate - produceRate) * 1000))
                : null;
        return new PartitionLag(tp.topic(), tp.partition(), committed, end, lag, lagMillis, trend, consumeRate,
                produceRate, catchUp, owner, track.window.evaluate(lag, now));
    }
}
