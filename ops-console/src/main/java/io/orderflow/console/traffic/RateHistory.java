package io.orderflow.console.traffic;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.orderflow.console.ui.TimeSeries;

/**
 * The last 15 minutes of every topic's message rate, fed by the traffic samples and charted by the traffic and
 * overview views. One bounded series per existing topic; series of deleted topics are dropped. FX thread only.
 */
public final class RateHistory {

    public static final Duration SPAN = Duration.ofMinutes(15);

    private final Map<String, TimeSeries> series = new LinkedHashMap<>();
    private final int points;
    private long lastSampleMillis;

    public RateHistory(Duration refresh) {
        this.points = (int) (SPAN.toMillis() / refresh.toMillis()) + 2;
    }

    public void add(TrafficSample sample) {
        long now = sample.at().toEpochMilli();
        Set<String> present = new HashSet<>();
        for (TopicTraffic topic : sample.topics()) {
            present.add(topic.topic());
            if (!Double.isNaN(topic.ratePerSecond())) {
                series.computeIfAbsent(topic.topic(), t -> new TimeSeries(SPAN, points)).add(now, topic.ratePerSecond());
            }
        }
        series.keySet().retainAll(present);
        lastSampleMillis = now;
    }

    /** The history of each topic, named by {@code names} (topic to line name), empty for topics without one. */
    public Map<String, TimeSeries> lines(Map<String, String> names) {
        Map<String, TimeSeries> lines = new LinkedHashMap<>();
        names.forEach((topic, name) -> lines.put(name, series.getOrDefault(topic, new TimeSeries(SPAN, 1))));
        return lines;
    }

    public Map<String, TimeSeries> lines(List<String> topics) {
        Map<String, String> names = new LinkedHashMap<>();
        topics.forEach(topic -> names.put(topic, topic));
        return lines(names);
    }

    public long lastSampleMillis() {
        return lastSampleMillis;
    }
}
