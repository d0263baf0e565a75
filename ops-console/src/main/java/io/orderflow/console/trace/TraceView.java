package io.orderflow.console.trace;

import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.api.OrderSummary;
import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.RecordDetailPane;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.StatusStyle;
import io.orderflow.console.ui.Tables;

/**
 * Order trace: pick one of the recent orders (or type an orderId), see every event for it across the topics and
 * their dead-letter topics in time order with the time between hops, and the app's own view of the order beside it
 * when the app is reachable.
 */
public final class TraceView extends BorderPane {

    private final OrderTraces traces;
    private final TextField orderId = new TextField();
    private final ComboBox<String> recentStatus = new ComboBox<>();
    private final HBox strip = new HBox();
    private final TableView<TraceHop> hops = Tables.table("trace-table", "No events");
    private final TableView<OrderSummary> recent = Tables.table("trace-recent", "No orders yet");
    private final RecordDetailPane detail = new RecordDetailPane("trace", Orientation.VERTICAL);

    public TraceView(OrderTraces traces) {
        setId("trace-view");
        this.traces = traces;

        orderId.setId("trace-order-id");
        orderId.setPromptText("orderId");
        orderId.setPrefColumnCount(24);
        orderId.setOnAction(e -> traces.trace(orderId.getText()));
        traces.orderIdProperty().addListener((obs, old, id) -> orderId.setText(id));
        Button run = new Button("Trace");
        run.setId("trace-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> traces.trace(orderId.getText()));
        run.disableProperty().bind(traces.busyProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("busy");
        busy.visibleProperty().bind(traces.busyProperty());
        Label status = new Label();
        status.setId("trace-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(traces.statusProperty());
        traces.healthProperty().addListener((obs, old, health) -> StatusStyle.apply(status, health));
        Label title = new Label("Order trace");
        title.getStyleClass().add("section-title");
        HBox toolbar = new HBox(title, orderId, run, busy, status);
        toolbar.getStyleClass().add("toolbar");

        Label order = new Label();
        order.setId("trace-order");
        order.setWrapText(true);
        order.textProperty().bind(traces.orderProperty());
        strip.setId("trace-strip");
        strip.getStyleClass().add("hop-strip");
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.getStyleClass().add("hop-strip-scroll");
        stripScroll.setFitToHeight(true);

        hops.getColumns().setAll(List.of(
                Tables.numeric("Time", 8.5, (TraceHop h) -> h.record().timestamp(), Format::timeMillis),
                Tables.numeric("After prev.", 5, TraceHop::sincePreviousMillis, Format::millis),
                Tables.column("Topic", 8.5, (TraceHop h) -> h.record().topic()),
                Tables.numeric("Part.", 3.5, (TraceHop h) -> h.record().partition(), String::valueOf),
                Tables.numeric("Offset", 4.5, (TraceHop h) -> h.record().offset(), String::valueOf),
                Tables.column("Type", 9, (TraceHop h) -> typeOf(h.record())),
                Tables.identifier("Key", 8, (TraceHop h) -> h.record().key())));
        hops.getSelectionModel().selectedItemProperty().addListener((obs, old, hop) -> {
            if (hop != null) {
                detail.show(hop.record());
            }
        });
        traces.traceProperty().addListener((obs, old, trace) -> show(trace));
        SplitPane split = new SplitPane(hops, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        VBox content = new VBox(toolbar, order, stripScroll, split);
        content.getStyleClass().add("pane");
        VBox.setVgrow(split, Priority.ALWAYS);

        SplitPane sides = new SplitPane(recentPane(), content);
        sides.setDividerPositions(0.25);
        setCenter(sides);
    }

    private VBox recentPane() {
        Label title = new Label("Recent orders, newest first");
        title.getStyleClass().add("section-title");
        recentStatus.setId("trace-recent-status");
        recentStatus.getItems().setAll(OrderTraces.statuses());
        recentStatus.setValue(OrderTraces.ANY_STATUS);
        recentStatus.valueProperty().addListener((obs, old, value) -> traces.loadRecent(value));
        Button refresh = new Button("↻");
        refresh.setOnAction(e -> traces.loadRecent(recentStatus.getValue()));
        HBox filter = new HBox(recentStatus, refresh);
        filter.getStyleClass().add("toolbar");
        VBox heading = new VBox(title, filter);
        recent.setItems(traces.recent());
        recent.getColumns().setAll(List.of(
                Tables.status("Status", 8, OrderSummary::status),
                Tables.identifier("Order", 10, OrderSummary::orderId)));
        recent.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null && !picked.orderId().equals(orderId.getText())) {
                traces.trace(picked.orderId());
            }
        });
        VBox pane = new VBox(heading, recent);
        pane.getStyleClass().add("pane");
        VBox.setVgrow(recent, Priority.ALWAYS);
        return pane;
    }

    /** Shows the recent orders of one status (null for all), e.g. from a tile on the overview. */
    public void showRecent(String status) {
        recentStatus.setValue(status == null || !OrderTraces.statuses().contains(status) ? OrderTraces.ANY_STATUS
                : status);
        traces.loadRecent(recentStatus.getValue());
    }

    private void show(OrderTrace trace) {
        hops.getItems().clear();
        strip.getChildren().clear();
        detail.clear();
        if (trace == null) {
            return;
        }
        hops.getItems().setAll(trace.hops());
        for (TraceHop hop : trace.hops()) {
            if (hop.sincePreviousMillis() != null) {
                Label gap = new Label("→ " + Format.millis(hop.sincePreviousMillis()) + " →");
                gap.getStyleClass().add("hop-gap");
                strip.getChildren().add(gap);
            }
            Label chip = new Label(typeOf(hop.record()) + "\n" + hop.record().topic());
            chip.getStyleClass().add("hop");
            StatusStyle.apply(chip, hop.record().isDeadLetter() ? "ERR" : "OK");
            strip.getChildren().add(chip);
        }
        if (!trace.hops().isEmpty()) {
            hops.getSelectionModel().select(0);
        }
    }

    private static String typeOf(EventRecord record) {
        return record.type() == null ? "(no type)" : record.type();
    }
}
