package io.orderflow.console.traffic;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.Tables;
import io.orderflow.console.ui.TimeChart;
import io.orderflow.contract.Topic;

/**
 * Per-topic rates and sizes, and a chart of the last 15 minutes of rates for the selected topics (the pipeline
 * topics when none is selected).
 */
final class TopicRatesPane extends SplitPane {

    private final TableView<TopicTraffic> table = Tables.table("traffic-table", "No topics yet");
    private final TimeChart chart = new TimeChart("Messages per second, last 15 minutes", "msg/s", RateHistory.SPAN);
    private final RateHistory history;
    private final Label updated = new Label("waiting for the first sample…");

    TopicRatesPane(RateHistory history) {
        this.history = history;
        table.getColumns().setAll(List.of(
                Tables.column("Topic", 12, TopicTraffic::topic),
                Tables.numeric("Partitions", 5, TopicTraffic::partitions, String::valueOf),
                Tables.numeric("Msgs/s", 5, TopicTraffic::ratePerSecond, Format::rate),
                Tables.numeric("Records", 6, TopicTraffic::records, Format::count),
                Tables.numeric("End offsets", 6, TopicTraffic::endOffsets, Format::count)));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<TopicTraffic>) c -> redrawChart());

        Label title = new Label("Topic traffic");
        title.getStyleClass().add("section-title");
        updated.setId("traffic-updated");
        updated.getStyleClass().add("muted");
        Label hint = new Label("select topics to chart them");
        hint.getStyleClass().add("muted");
        HBox heading = new HBox(title, updated, hint);
        heading.getStyleClass().add("toolbar");
        VBox left = new VBox(heading, table);
        left.getStyleClass().add("pane");
        VBox.setVgrow(table, Priority.ALWAYS);
        chart.node().setId("traffic-chart");
        setOrientation(Orientation.HORIZONTAL);
        getItems().setAll(left, chart.node());
        setDividerPositions(0.5);
    }

    void show(TrafficSample sample) {
        Tables.replaceKeepingSelection(table, sample.topics(), TopicTraffic::topic);
        updated.setText("updated " + Format.time(sample.at()));
        redrawChart();
    }

    private void redrawChart() {
        List<String> charted = table.getSelectionModel().getSelectedItems().stream().map(TopicTraffic::topic).toList();
        if (charted.isEmpty()) {
            charted = Topic.pipeline();
        }
        chart.show(history.lines(charted), history.lastSampleMillis());
    }
}
