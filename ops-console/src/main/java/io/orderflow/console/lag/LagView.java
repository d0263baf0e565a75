package io.orderflow.console.lag;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.background.Feed;
import io.orderflow.console.background.Reachability;
import io.orderflow.console.ui.Banner;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.Tables;
import io.orderflow.console.ui.TimeChart;

/**
 * Consumer lag: every group with Burrow's status, the selected group's partitions (lag in records and in time,
 * trend, time to catch up, owner, status), the groups' total lag over the last 15 minutes, and the alerts.
 */
public final class LagView extends BorderPane {

    private final TableView<GroupLag> groups = Tables.table("lag-groups", "No consumer groups yet");
    private final TableView<PartitionLag> partitions = Tables.table("lag-partitions", "Select a group");
    private final Label partitionsTitle = new Label("Partitions");
    private final TimeChart chart = new TimeChart("Total lag per group, last 15 minutes", "records", LagHistory.SPAN);
    private final LagHistory history;
    private final Label updated = new Label("waiting for the first sample…");

    /** {@code history} must be fed from {@code lag} before this view, so each redraw includes its report. */
    public LagView(Feed<LagReport> lag, LagHistory history, AlertLog alerts, Reachability kafka, Duration refresh,
                   int windowSize) {
        setId("lag-view");
        this.history = history;
        groupColumns();
        partitionColumns();
        groups.getSelectionModel().selectedItemProperty().addListener((obs, old, group) -> showPartitions(group));

        Label title = new Label("Consumer groups");
        title.getStyleClass().add("section-title");
        updated.setId("lag-updated");
        updated.getStyleClass().add("muted");
        HBox heading = new HBox(title, updated);
        Label rules = new Label("Status by Burrow's rules over the last " + windowSize + " samples ("
                + Format.millis(refresh.toMillis() * windowSize) + "): OK, WARN (lag not decreasing), STOP (no commits),"
                + " STALL (commits stuck), REWIND (offset went back); a group shows its worst partition, with STOP,"
                + " STALL and REWIND as ERR.");
        rules.getStyleClass().add("muted");
        rules.setWrapText(true);
        rules.setMinHeight(USE_PREF_SIZE);
        VBox groupPane = titled(heading, groups);
        groupPane.getChildren().add(rules);

        partitionsTitle.setId("lag-partitions-title");
        partitionsTitle.getStyleClass().add("section-title");
        VBox partitionPane = titled(new HBox(partitionsTitle), partitions);

        ListView<Alert> alertList = new ListView<>(alerts.alerts());
        alertList.setId("lag-alerts");
        alertList.setPlaceholder(new Label("No alerts raised since the console started"));
        alertList.setCellFactory(list -> new AlertCell());
        chart.node().setId("lag-chart");
        Tab alertTab = new Tab("Alerts", alertList);
        alertTab.setId("lag-alerts-tab");
        alerts.alerts().addListener((ListChangeListener<Alert>) change ->
                alertTab.setText("Alerts (" + alerts.alerts().size() + ")"));
        TabPane side = new TabPane(new Tab("Lag history", chart.node()), alertTab);
        side.setId("lag-side");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        SplitPane top = new SplitPane(groupPane, side);
        top.setDividerPositions(0.58);
        SplitPane split = new SplitPane(top, partitionPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setTop(kafka.banner("lag-banner", "No lag figures: Kafka at"));
        setCenter(split);
        lag.subscribe(this::show);
    }

    private static VBox titled(HBox heading, Node content) {
        heading.getStyleClass().add("toolbar");
        VBox box = new VBox(heading, content);
        box.getStyleClass().add("pane");
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private void groupColumns() {
        groups.getColumns().setAll(List.of(
                Tables.column("Group", 12, GroupLag::group),
                Tables.column("State", 6, GroupLag::state),
                Tables.numeric("Members", 5.5, GroupLag::members, String::valueOf),
                Tables.numeric("Lag", 5, GroupLag::totalLag, Format::count),
                Tables.numeric("Lag time", 6, GroupLag::maxLagMillis, Format::millis),
                Tables.status("Status", 4.5, g -> g.status().name()),
                Tables.column("Worst partition", 14, LagView::worstPartition)));
    }

    private void partitionColumns() {
        partitions.getColumns().setAll(List.of(
                Tables.column("Topic", 10, PartitionLag::topic),
                Tables.numeric("Part.", 3.5, PartitionLag::partition, String::valueOf),
                Tables.numeric("Committed", 6.5, PartitionLag::committed, Format::count),
                Tables.numeric("End offset", 6.5, PartitionLag::endOffset, Format::count),
                Tables.numeric("Lag", 4.5, PartitionLag::lag, Format::count),
                Tables.numeric("Lag time", 5.5, PartitionLag::lagMillis, Format::millis),
                Tables.numeric("Trend", 5, PartitionLag::trend, LagView::trend),
                Tables.numeric("In/s", 4.5, PartitionLag::consumeRate, Format::rate),
                Tables.numeric("Out/s", 4.5, PartitionLag::produceRate, Format::rate),
                Tables.column("Catch-up", 7, LagView::catchUp),
                Tables.status("Status", 4.5, p -> p.status().name()),
                Tables.column("Owner", 16, p -> p.owner() == null ? "nobody" : p.owner())));
    }

    void show(LagReport report) {
        chart.show(history.lines(), history.lastSampleMillis());

        Tables.replaceKeepingSelection(groups, report.groups(), GroupLag::group);
        if (groups.getSelectionModel().isEmpty() && !report.groups().isEmpty()) {
            // open on the group that most needs a look
            groups.getSelectionModel().select(report.groups().stream()
                    .max(Comparator.comparing(GroupLag::status).thenComparingLong(GroupLag::totalLag)).orElseThrow());
        }
        updated.setText("updated " + Format.time(report.at()));
    }

    private void showPartitions(GroupLag group) {
        if (group == null) {
            partitions.getItems().clear();
            partitionsTitle.setText("Partitions");
            return;
        }
        partitions.getItems().setAll(group.partitions());
        partitionsTitle.setText("Partitions of " + group.group() + " · " + group.state() + " · "
                + group.members() + (group.members() == 1 ? " member" : " members"));
    }

    private static String worstPartition(GroupLag group) {
        PartitionLag worst = group.worst();
        if (worst == null) {
            return Format.NONE;
        }
        if (worst.lag() == 0 && !worst.status().isProblem()) {
            return "all caught up";
        }
        return worst.topic() + "-" + worst.partition() + " " + worst.status() + ", lag " + Format.count(worst.lag());
    }

    static String trend(long change) {
        if (change > 0) {
            return "▲ " + Format.signedCount(change);
        }
        return change < 0 ? "▼ " + Format.count(change) : "= 0";
    }

    static String catchUp(PartitionLag partition) {
        if (partition.lag() == 0) {
            return "caught up";
        }
        return partition.catchUpMillis() == null ? "not catching up" : "≈ " + Format.millis(partition.catchUpMillis());
    }
}
