package io.orderflow.console.ui;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The recent history of one measured value, for charts. Holds at most {@code span} of points and at most
 * {@code capacity} of them, so memory stays flat however long the console runs.
 */
public final class TimeSeries {

    public record Point(long atMillis, double value) {
    }

    private final long spanMillis;
    private final int capacity;
    private final ArrayDeque<Point> points = new ArrayDeque<>();

    public TimeSeries(Duration span, int capacity) {
        this.spanMillis = span.toMillis();
        this.capacity = capacity;
    }

    public void add(long atMillis, double value) {
        points.addLast(new Point(atMillis, value));
        while (points.size() > capacity || points.peekFirst().atMillis() < atMillis - spanMillis) {
            points.removeFirst();
        }
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    public int size() {
        return points.size();
    }
}
