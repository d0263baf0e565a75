package io.orderflow.console.lag;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.orderflow.console.ui.TimeSeries;

/**
 * The last 15 minutes of every consumer group's total lag, fed by the lag reports and charted by the lag view. One
 * bounded series per group in the latest report; groups that disappear are dropped. FX thread only.
 */
public final class LagHistory {

    public static final Duration SPAN = Duration.ofMinutes(15);

    private final Map<String, TimeSeries> series = new LinkedHashMap<>();
    private final int points;
    private long lastSampleMillis;

    public LagHistory(Duration refresh) {
        this.points = (int) (SPAN.toMillis() / refresh.toMillis()) + 2;
    }

    public void add(LagReport report) {
        long now = report.at().toEpochMilli();
        for (GroupLag group : report.groups()) {
            series.computeIfAbsent(group.group(), g -> new TimeSeries(SPAN, points)).add(now, group.totalLag());
        }
        series.keySet().retainAll(report.groups().stream().map(GroupLag::group).toList());
        lastSampleMillis = now;
    }

    /** Per group, in the order the groups were first seen. */
    public Map<String, TimeSeries> lines() {
        return new LinkedHashMap<>(series);
    }

    public long lastSampleMillis() {
        return lastSampleMillis;
    }
}
