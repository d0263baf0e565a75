package io.orderflow.console.overview;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.api.RouteReport;
import io.orderflow.console.background.Feed;
import io.orderflow.console.background.Reachability;
import io.orderflow.console.deadletter.DeadLetterTally;
import io.orderflow.console.lag.Alert;
import io.orderflow.console.lag.AlertCell;
import io.orderflow.console.lag.AlertLog;
import io.orderflow.console.lag.LagReport;
import io.orderflow.console.traffic.RateHistory;
import io.orderflow.console.traffic.TrafficSample;
import io.orderflow.console.ui.Banner;
import io.orderflow.console.ui.TimeChart;

/**
 * The pipeline at a glance: the five stages as a flow with their figures and health, orders by status from the
 * app, the latest alerts and each stage's output over the last minutes. Recomputed whenever any of its inputs
 * brings a new sample.
 */
public final class PipelineView extends VBox {

    private final Map<Stage, StageCard> cards = new EnumMap<>(Stage.class);
    private final OrdersByStatus orders;
    private TrafficSample traffic;
    private LagReport lag;
    private DeadLetterTally tally;

    public PipelineView(Feed<TrafficSample> trafficFeed, RateHistory rates, Feed<LagReport> lagFeed,
                        Feed<DeadLetterTally> tallyFeed, Feed<Map<String, Long>> ordersFeed, AlertLog alerts,
                        Reachability kafka, Reachability app, Consumer<String> openOrders,
                        ObservableValue<RouteReport> routes) {
        setId("overview-view");
        orders = new OrdersByStatus(openOrders);
        routes.addListener((obs, old, report) -> showOutboxes(report));
        getStyleClass().add("pane");

        HBox flow = new HBox();
        flow.setId("pipeline-flow");
        flow.getStyleClass().add("flow");
        for (Stage stage : Stage.values()) {
            if (!flow.getChildren().isEmpty()) {
                Label arrow = new Label("→");
                arrow.getStyleClass().add("flow-arrow");
                flow.getChildren().add(arrow);
            }
            StageCard card = new StageCard(stage);
            // equal shares of the width: every card grows from the same preferred width
            HBox.setHgrow(card, Priority.ALWAYS);
            card.setPrefWidth(0);
            card.setMaxWidth(Double.MAX_VALUE);
            cards.put(stage, card);
            flow.getChildren().add(card);
        }

        ListView<Alert> alertList = new ListView<>(alerts.alerts());
        alertList.setId("overview-alerts");
        alertList.setPlaceholder(new Label("No alerts raised since the console started"));
        alertList.setCellFactory(list -> new AlertCell());
        VBox alertPane = new VBox(section("Recent alerts"), alertList);
        VBox.setVgrow(alertList, Priority.ALWAYS);
        TimeChart output = new TimeChart("Stage output (msg/s), last 15 minutes", "msg/s", RateHistory.SPAN);
        output.node().setId("overview-chart");
        HBox lower = new HBox(alertPane, output.node());
        lower.getStyleClass().add("lower");
        HBox.setHgrow(alertPane, Priority.ALWAYS);
        HBox.setHgrow(output.node(), Priority.ALWAYS);
        alertPane.setPrefWidth(0);
        output.node().setPrefWidth(0);
        VBox.setVgrow(lower, Priority.ALWAYS);

        getChildren().setAll(
                kafka.banner("overview-kafka-banner", "Stage figures unavailable: Kafka at"),
                section("Pipeline"), flow,
                section("Orders by status (click one to pick an order to trace)"),
                app.banner("overview-app-banner", "Orders by status unavailable: the app at"),
                orders, lower);

        Map<String, String> stageOutputs = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            stageOutputs.put(stage.output(), stage.title() + " → " + stage.output());
        }
        trafficFeed.subscribe(sample -> {
            traffic = sample;
            output.show(rates.lines(stageOutputs), rates.lastSampleMillis());
            refresh();
        });
        lagFeed.subscribe(report -> {
            lag = report;
            refresh();
        });
        tallyFeed.subscribe(counts -> {
            tally = counts;
            refresh();
        });
        ordersFeed.subscribe(orders::show);
        refresh();
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    /** Points the operator at one stage's card, e.g. from a route of that stage. */
    public void highlight(Stage stage) {
        if (stage != null) {
            cards.get(stage).highlight();
        }
    }

    private void refresh() {
        Instant now = Instant.now();
        cards.forEach((stage, card) -> card.show(StageFigures.of(stage, traffic, lag, tally, now)));
    }

    private void showOutboxes(RouteReport report) {
        if (report == null) {
            return;
        }
        for (RouteReport.StageOutbox stage : report.stages()) {
            cards.entrySet().stream()
                    .filter(card -> card.getKey().name().equalsIgnoreCase(stage.stage()))
                    .forEach(card -> card.getValue().showOutbox(stage.outbox()));
        }
    }
}
