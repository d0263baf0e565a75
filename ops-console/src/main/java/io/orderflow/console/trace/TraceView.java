package io.orderflow.console.trace;

import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
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

import io.orderflow.console.Background;
import io.orderflow.console.api.ApiException;
import io.orderflow.console.api.OrderDetails;
import io.orderflow.console.api.OrderflowApi;
import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.Fx;
import io.orderflow.console.ui.RecordDetailPane;
import io.orderflow.console.ui.StatusStyle;
import io.orderflow.console.ui.Tables;

/**
 * Order trace: type an orderId, see every event for it across the topics and their dead-letter topics in time
 * order with the time between hops, and the app's own view of the order beside it when the app is reachable.
 */
public final class TraceView extends BorderPane {

    private final OrderTracer tracer;
    private final OrderflowApi api;
    private final Background background;
    private final TextField orderId = new TextField();
    private final Button run = new Button("Trace");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label status = new Label("Enter an orderId to see its events across all topics");
    private final Label order = new Label();
    private final HBox strip = new HBox();
    private final TableView<TraceHop> hops = Tables.table("trace-table", "No events");
    private final RecordDetailPane detail = new RecordDetailPane("trace", Orientation.VERTICAL);

    public TraceView(OrderTracer tracer, OrderflowApi api, Background background) {
        setId("trace-view");
        this.tracer = tracer;
        this.api = api;
        this.background = background;

        orderId.setId("trace-order-id");
        orderId.setPromptText("orderId");
        orderId.setPrefColumnCount(24);
        orderId.setOnAction(e -> trace());
        run.setId("trace-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> trace());
        busy.getStyleClass().add("busy");
        busy.setVisible(false);
        status.setId("trace-status");
        status.getStyleClass().add("muted");
        Label title = new Label("Order trace");
        title.getStyleClass().add("section-title");
        HBox toolbar = new HBox(title, orderId, run, busy, status);
        toolbar.getStyleClass().add("toolbar");

        order.setId("trace-order");
        order.setWrapText(true);
        strip.setId("trace-strip");
        strip.getStyleClass().add("hop-strip");
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.getStyleClass().add("hop-strip-scroll");
        stripScroll.setFitToHeight(true);

        hops.getColumns().setAll(List.of(
                Tables.numeric("Time", 7, (TraceHop h) -> h.record().timestamp(), Format::timeMillis),
                Tables.numeric("After prev.", 6, TraceHop::sincePreviousMillis, Format::millis),
                Tables.column("Topic", 10, (TraceHop h) -> h.record().topic()),
                Tables.numeric("Part.", 3.5, (TraceHop h) -> h.record().partition(), String::valueOf),
                Tables.numeric("Offset", 5, (TraceHop h) -> h.record().offset(), String::valueOf),
                Tables.column("Type", 10, (TraceHop h) -> typeOf(h.record())),
                Tables.column("Key", 12, (TraceHop h) -> h.record().key())));
        hops.getSelectionModel().selectedItemProperty().addListener((obs, old, hop) -> {
            if (hop != null) {
                detail.show(hop.record());
            }
        });
        SplitPane split = new SplitPane(hops, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        VBox content = new VBox(toolbar, order, stripScroll, split);
        content.getStyleClass().add("pane");
        VBox.setVgrow(split, Priority.ALWAYS);
        setCenter(content);
    }

    /** Traces the given order, as if typed in and run. */
    public void trace(String id) {
        orderId.setText(id);
        trace();
    }

    private void trace() {
        String id = orderId.getText() == null ? "" : orderId.getText().trim();
        if (id.isEmpty()) {
            return;
        }
        run.setDisable(true);
        busy.setVisible(true);
        status.setText("Reading the topics for " + id + "…");
        hops.getItems().clear();
        strip.getChildren().clear();
        detail.clear();
        showOrder(id);
        Fx.whenDone(background.submit(() -> tracer.trace(id)), this::show, failure -> {
            done();
            status.setText("Trace failed: " + failure.getMessage());
            StatusStyle.apply(status, "ERR");
        });
    }

    private void show(OrderTrace trace) {
        done();
        hops.getItems().setAll(trace.hops());
        long dlt = trace.hops().stream().filter(h -> h.record().isDeadLetter()).count();
        status.setText(trace.hops().size() + " events" + (dlt > 0 ? ", " + dlt + " dead-lettered" : "")
                + " · read " + Format.count(trace.recordsScanned()) + " records in " + Format.millis(trace.tookMillis())
                + (trace.complete() ? "" : " · stopped at the scan budget: some events may be missing"));
        StatusStyle.apply(status, trace.complete() ? null : "WARN");
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

    /** The app's record of the order, if it has one; the Kafka trace does not depend on it. */
    private void showOrder(String id) {
        order.setText("Asking the app about " + id + "…");
        Fx.whenDone(api.order(id), this::describe, failure -> order.setText(
                failure instanceof ApiException e && e.status() == 404 ? "The app has no order " + id + "."
                        : "The app's view of the order is unavailable (" + failure.getMessage() + ")."));
    }

    private void describe(OrderDetails details) {
        order.setText("App: order " + details.orderId() + " is " + details.status() + " · customer "
                + details.customerId() + " · total " + details.total() + " · "
                + (details.timeline() == null ? 0 : details.timeline().size()) + " status changes");
    }

    private void done() {
        run.setDisable(false);
        busy.setVisible(false);
    }

    private static String typeOf(EventRecord record) {
        return record.type() == null ? "(no type)" : record.type();
    }
}
