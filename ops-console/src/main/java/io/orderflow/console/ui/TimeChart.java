package io.orderflow.console.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * A line chart of recent history with "minutes ago" on the x axis. Redrawn from {@link TimeSeries} on every
 * sample (the x values move as time passes), without animation or point symbols so it stays cheap.
 */
public final class TimeChart {

    private static final double MILLIS_PER_MINUTE = 60_000.0;

    private final LineChart<Number, Number> chart;
    private final NumberAxis minutes;
    private final long spanMinutes;

    public TimeChart(String title, String valueLabel, Duration span) {
        spanMinutes = span.toMinutes();
        minutes = new NumberAxis(-spanMinutes, 0, 1);
        minutes.setLabel("minutes ago");
        minutes.setAutoRanging(false);
        NumberAxis values = new NumberAxis();
        values.setLabel(valueLabel);
        values.setForceZeroInRange(true);
        chart = new LineChart<>(minutes, values);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("time-chart");
    }

    public LineChart<Number, Number> node() {
        return chart;
    }

    /**
     * Replaces the plotted lines: one per entry, named by its key, in the map's iteration order. The axis covers
     * the history there is, in whole minutes up to the full span, so a console started a minute ago shows that
     * minute rather than a sliver at the edge of fifteen.
     */
    public void show(Map<String, TimeSeries> lines, long nowMillis) {
        long oldest = lines.values().stream().flatMap(h -> h.points().stream()).mapToLong(TimeSeries.Point::atMillis)
                .min().orElse(nowMillis);
        long shownMinutes = Math.max(1, Math.min(spanMinutes, (long) Math.ceil((nowMillis - oldest) / MILLIS_PER_MINUTE)));
        minutes.setLowerBound(-shownMinutes);
        minutes.setTickUnit(shownMinutes <= 2 ? 0.25 : shownMinutes <= 5 ? 1 : 3);
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        lines.forEach((name, history) -> {
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(history.size());
            for (TimeSeries.Point point : history.points()) {
                data.add(new XYChart.Data<>((point.atMillis() - nowMillis) / MILLIS_PER_MINUTE, point.value()));
            }
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(name);
            line.getData().setAll(data);
            series.add(line);
        });
        chart.getData().setAll(series);
    }
}
