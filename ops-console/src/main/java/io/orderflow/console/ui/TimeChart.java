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

    public TimeChart(String title, String valueLabel, Duration span) {
        NumberAxis minutes = new NumberAxis(-span.toMinutes(), 0, Math.max(1, span.toMinutes() / 5.0));
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

    /** Replaces the plotted lines: one per entry, named by its key, in the map's iteration order. */
    public void show(Map<String, TimeSeries> lines, long nowMillis) {
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
