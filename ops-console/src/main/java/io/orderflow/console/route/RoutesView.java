package io.orderflow.console.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.api.RouteAction;
import io.orderflow.console.api.RouteReport.RouteStats;
import io.orderflow.console.api.RouteReport;
import io.orderflow.console.background.Reachability;
import io.orderflow.console.ui.Banner;
import io.orderflow.console.ui.ConfirmationBar;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.StatusStyle;
import io.orderflow.console.ui.Tables;

/**
 * The app's Camel routes, as Camel's own management counts them: state, exchanges, failures, retries and processing
 * times, the latest failure with its message; filterable and sortable. Each stage's tile says how its routes run and
 * its outbox (when the app reports one). A route's stage opens on the overview; stopping, suspending, starting and
 * resuming a route are confirmed here and done (and audited) by the app.
 */
public final class RoutesView extends BorderPane {

    private static final List<String> STAGES = List.of("cart", "order", "payment", "dispatch", "delivery");

    private final RouteBoard board;
    private final ObservableList<RouteStats> rows = FXCollections.observableArrayList();
    private final FilteredList<RouteStats> filtered = new FilteredList<>(rows);
    private final TableView<RouteStats> table = Tables.table("routes-table", "No routes reported yet");
    private final TextField filter = new TextField();
    private final ComboBox<String> stage = new ComboBox<>();
    private final CheckBox failingOnly = new CheckBox("failing only");
    private final Label updated = new Label("waiting for the app…");
    private final Label failure = new Label();
    private final HBox stageTiles = new HBox();

    public RoutesView(RouteBoard board, Reachability app, Consumer<String> showStage) {
        setId("routes-view");
        this.board = board;

        Banner error = new Banner("routes-error");
        board.errorProperty().addListener((obs, old, message) -> {
            if (message.isEmpty()) {
                error.clear();
            } else {
                error.show(message, "ERR");
            }
        });
        setTop(new VBox(app.banner("routes-app-banner", "Route statistics need the app:"), error));

        Label title = new Label("Camel routes");
        title.getStyleClass().add("section-title");
        filter.setId("routes-filter");
        filter.setPromptText("route, endpoint or state contains…");
        filter.setPrefColumnCount(16);
        stage.setId("routes-stage");
        stage.getItems().add(RouteFilter.ALL_STAGES);
        stage.getItems().addAll(STAGES);
        stage.setValue(RouteFilter.ALL_STAGES);
        failingOnly.setId("routes-failing");
        updated.setId("routes-updated");
        updated.getStyleClass().add("muted");
        HBox toolbar = new HBox(title, filter, stage, failingOnly, updated);
        toolbar.getStyleClass().add("toolbar");
        filter.textProperty().addListener((obs, o, n) -> refilter());
        stage.valueProperty().addListener((obs, o, n) -> refilter());
        failingOnly.selectedProperty().addListener((obs, o, n) -> refilter());

        stageTiles.setId("routes-stages");
        stageTiles.getStyleClass().add("tiles");

        columns();
        SortedList<RouteStats> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, route) -> showFailure(route));

        failure.setId("route-failure");
        failure.setWrapText(true);
        failure.setMinHeight(USE_PREF_SIZE);
        failure.getStyleClass().add("muted");

        Label outcome = new Label();
        outcome.setId("routes-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(board.outcomeProperty());
        outcome.visibleProperty().bind(outcome.textProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        outcome.getStyleClass().add("outcome");
        board.actionFailedProperty().addListener((obs, old, failed) -> StatusStyle.apply(outcome, failed ? "ERR" : "OK"));
        StatusStyle.apply(outcome, "OK");

        VBox content = new VBox(toolbar, stageTiles, actions(showStage),
                new ConfirmationBar("routes", board.pendingProperty(), board::confirm, board::cancel), outcome, table,
                failure);
        content.getStyleClass().add("pane");
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(content);

        board.reportProperty().addListener((obs, old, report) -> show(report));
        refilter();
    }

    private FlowPane actions(Consumer<String> showStage) {
        List<Button> buttons = new ArrayList<>();
        for (RouteAction action : RouteAction.values()) {
            String verb = action.path();
            Button button = new Button(verb.substring(0, 1).toUpperCase(Locale.ROOT) + verb.substring(1) + "…");
            button.setId("route-" + verb);
            button.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
            button.setOnAction(e -> board.request(table.getSelectionModel().getSelectedItem(), action));
            buttons.add(button);
        }
        Button toStage = new Button("Show its stage on the overview");
        toStage.setId("route-show-stage");
        toStage.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            RouteStats route = table.getSelectionModel().getSelectedItem();
            return route == null || route.stage() == null;
        }, table.getSelectionModel().selectedItemProperty()));
        toStage.setOnAction(e -> showStage.accept(table.getSelectionModel().getSelectedItem().stage()));
        table.setRowFactory(view -> {
            TableRow<RouteStats> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().stage() != null) {
                    showStage.accept(row.getItem().stage());
                }
            });
            return row;
        });
        FlowPane pane = new FlowPane();
        pane.getChildren().addAll(buttons);
        pane.getChildren().add(toStage);
        pane.getStyleClass().add("actions");
        return pane;
    }

    private void columns() {
        table.getColumns().setAll(List.of(
                Tables.column("Route", 10, RouteStats::id),
                Tables.column("Stage", 5, (RouteStats r) -> r.stage() == null ? Format.NONE : r.stage()),
                Tables.status("State", 5, RouteStats::state),
                Tables.column("From", 11, RouteStats::from),
                Tables.numeric("Exchanges", 5.5, RouteStats::exchangesTotal, Format::count),
                Tables.numeric("Failed", 4, RouteStats::exchangesFailed, Format::count),
                Tables.numeric("Handled", 4.5, RouteStats::failuresHandled, Format::count),
                Tables.numeric("In flight", 4.5, RouteStats::exchangesInflight, Format::count),
                Tables.numeric("Retries", 4, RouteStats::redeliveries, Format::count),
                Tables.numeric("Mean", 4, RouteStats::meanProcessingMillis, Format::millis),
                Tables.numeric("Max", 4, RouteStats::maxProcessingMillis, Format::millis),
                Tables.numeric("Last", 4, RouteStats::lastProcessingMillis, Format::millis),
                Tables.column("Last failure", 16, RoutesView::lastFailure)));
    }

    private void show(RouteReport report) {
        if (report == null) {
            return;
        }
        String selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().id();
        rows.setAll(report.routes());
        table.getItems().stream().filter(r -> r.id().equals(selected)).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
        updated.setText("updated " + Format.time(Format.parseInstant(report.at())) + " · "
                + report.routes().size() + " routes");
        stageTiles.getChildren().setAll(report.stages().stream().map(s -> tile(s, report.routes())).toList());
        showFailure(table.getSelectionModel().getSelectedItem());
    }

    private static VBox tile(RouteReport.StageOutbox stage, List<RouteStats> routes) {
        List<RouteStats> own = routes.stream().filter(r -> stage.stage().equals(r.stage())).toList();
        long started = own.stream().filter(r -> "Started".equals(r.state())).count();
        Label name = new Label(stage.stage().substring(0, 1).toUpperCase(Locale.ROOT) + stage.stage().substring(1));
        name.getStyleClass().add("stage-title");
        Label running = new Label(started + " of " + own.size() + " routes started");
        running.setId("routes-stage-" + stage.stage());
        Label outbox = new Label("outbox " + outbox(stage.outbox()));
        outbox.setId("routes-outbox-" + stage.stage());
        outbox.getStyleClass().add("muted");
        VBox tile = new VBox(name, running, outbox);
        tile.getStyleClass().add("tile");
        StatusStyle.apply(tile, own.isEmpty() ? null : started == own.size() ? "OK" : "WARN");
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }

    /** The outbox's depth and the age of its oldest entry; a dash while the app does not report it. */
    static String outbox(RouteReport.Outbox outbox) {
        return RouteReport.Outbox.describe(outbox);
    }

    private static String lastFailure(RouteStats route) {
        if (route.lastFailureAt() == null) {
            return "";
        }
        return Format.time(Format.parseInstant(route.lastFailureAt()))
                + (route.lastFailureMessage() == null ? "" : "  " + route.lastFailureMessage());
    }

    private void showFailure(RouteStats route) {
        failure.setText(route == null ? "Select a route to see its latest failure in full"
                : route.lastFailureAt() == null ? route.id() + ": no failure since the app started"
                : route.id() + " failed last at " + Format.dateTime(Format.parseInstant(route.lastFailureAt())) + ": "
                + (route.lastFailureMessage() == null ? "(no message kept)" : route.lastFailureMessage()));
    }

    private void refilter() {
        filtered.setPredicate(new RouteFilter(filter.getText(), stage.getValue(), failingOnly.isSelected()));
    }
}
