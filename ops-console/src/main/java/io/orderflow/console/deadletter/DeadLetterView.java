package io.orderflow.console.deadletter;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.api.AuditEntry;
import io.orderflow.console.api.DeadLetter;
import io.orderflow.console.api.DeadLetterGroup;
import io.orderflow.console.api.OrderflowApi;
import io.orderflow.console.api.ReplayJob;
import io.orderflow.console.api.ReplayRequest;
import io.orderflow.console.background.Reachability;
import io.orderflow.console.ui.Banner;
import io.orderflow.console.ui.ConfirmationBar;
import io.orderflow.console.ui.Em;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.Fx;
import io.orderflow.console.ui.StatusStyle;
import io.orderflow.console.ui.Tables;

/**
 * The dead-letter inbox: groups by source topic and exception with counts, the dead letters of the chosen group,
 * one opened in full, and the actions (replay one, the selected or a whole group after a dry run; discard with a
 * reason), all through the app's API so each is audited; the audit is shown below.
 */
public final class DeadLetterView extends BorderPane {

    private final DeadLetterInbox inbox;
    private final TableView<DeadLetterGroup> groups = Tables.table("dlt-groups", "No dead letters");
    private final TableView<DeadLetter> letters = Tables.table("dlt-table", "No dead letters in this selection");
    private final TableView<AuditEntry> audit = Tables.table("dlt-audit", "No actions recorded yet");
    private final ComboBox<String> state = new ComboBox<>();
    private final TextField orderId = new TextField();
    private final DeadLetterDetail detail = new DeadLetterDetail();
    private final OrderflowApi api;
    /** Whether the signed-in role may replay and discard; shown until the app says otherwise. */
    private final BooleanProperty mayAct = new SimpleBooleanProperty(true);
    private boolean identityKnown;
    /** Set while reloaded groups replace the rows, so the transient selection changes do not reload the list. */
    private boolean replacingGroups;

    public DeadLetterView(OrderflowApi api, Reachability app, Consumer<String> traceOrder, ReplayJobWatch jobs) {
        setId("dlt-view");
        this.api = api;
        inbox = new DeadLetterInbox(api, jobs);
        audit.setItems(inbox.audit());
        inbox.groupsProperty().addListener((obs, old, rows) -> {
            replacingGroups = true;
            Tables.replaceKeepingSelection(groups, rows, g -> g.originalTopic() + "|" + g.exceptionClass());
            replacingGroups = false;
        });
        inbox.lettersProperty().addListener(
                (obs, old, rows) -> Tables.replaceKeepingSelection(letters, rows, DeadLetter::id));
        groupColumns();
        letterColumns();
        auditColumns();

        Banner error = new Banner("dlt-error");
        inbox.errorProperty().addListener((obs, old, message) -> {
            if (message.isEmpty()) {
                error.clear();
            } else {
                error.show(message, "ERR");
            }
        });
        VBox top = new VBox(app.banner("dlt-app-banner", "Dead letters need the app:"), error);

        SplitPane lists = new SplitPane(groupPane(), letterPane(traceOrder, jobs));
        lists.setDividerPositions(0.34);
        TableView<ReplayJob> jobTable = Tables.table("dlt-jobs", "No replay jobs yet");
        jobTable.setItems(jobs.recent());
        jobColumns(jobTable);
        TabPane lower = new TabPane(new Tab("Selected dead letter", detail), new Tab("Replay jobs", padded(jobTable)),
                new Tab("Audit", padded(audit)));
        lower.setId("dlt-lower");
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(lists, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.52);
        setTop(top);
        setCenter(split);

        groups.getSelectionModel().selectedItemProperty().addListener((obs, old, group) -> {
            if (!replacingGroups) {
                reload();
            }
        });
        letters.getSelectionModel().selectedItemProperty().addListener((obs, old, letter) -> {
            if (letter == null) {
                detail.clear();
            } else {
                detail.show(letter);
            }
        });
    }

    /** Called periodically and after actions; reloads groups, the current list and the audit. */
    public void refresh() {
        if (!identityKnown) {
            Fx.whenDone(api.me(), identity -> {
                identityKnown = true;
                mayAct.set(identity.may("operator"));
            }, failure -> { }); // asked again on the next refresh; a refusal shows in the inbox's error banner
        }
        inbox.refresh();
    }

    private VBox groupPane() {
        Label title = new Label("By source and exception");
        title.getStyleClass().add("section-title");
        Button all = new Button("All groups");
        all.setOnAction(e -> groups.getSelectionModel().clearSelection());
        HBox heading = new HBox(title, all);
        heading.getStyleClass().add("toolbar");
        return titled(heading, groups);
    }

    private VBox letterPane(Consumer<String> traceOrder, ReplayJobWatch jobs) {
        state.setId("dlt-state");
        state.getItems().setAll(DeadLetterInbox.STATES);
        state.setValue("PENDING");
        state.valueProperty().addListener((obs, old, value) -> reload());
        orderId.setId("dlt-order-filter");
        orderId.setPromptText("orderId");
        orderId.setPrefColumnCount(12);
        orderId.setOnAction(e -> reload());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Label listing = new Label();
        listing.setId("dlt-listing");
        listing.getStyleClass().add("muted");
        listing.textProperty().bind(inbox.listingProperty());
        HBox filters = new HBox(new Label("State"), state, orderId, refresh, listing);
        filters.getStyleClass().add("toolbar");

        Button replaySelected = new Button("Replay selected…");
        replaySelected.setId("dlt-replay-selected");
        replaySelected.disableProperty().bind(Bindings.isEmpty(letters.getSelectionModel().getSelectedItems()));
        replaySelected.setOnAction(e -> inbox.replay(ReplayRequest.ofIds(selectedIds(), true)));

        Spinner<Integer> rate = new Spinner<>(1, 1000, 50, 10);
        rate.setId("dlt-rate");
        rate.setEditable(true);
        rate.setPrefWidth(Em.em(6));
        Button replayGroup = new Button("Replay group…");
        replayGroup.setId("dlt-replay-group");
        replayGroup.disableProperty().bind(groups.getSelectionModel().selectedItemProperty().isNull());
        replayGroup.setOnAction(e -> inbox.replay(
                ReplayRequest.ofGroup(groups.getSelectionModel().getSelectedItem(), true, rate.getValue())));

        TextField reason = new TextField();
        reason.setId("dlt-discard-reason");
        reason.setPromptText("reason to discard");
        reason.setPrefColumnCount(14);
        Button discard = new Button("Discard selected…");
        discard.setId("dlt-discard");
        discard.disableProperty().bind(Bindings.isEmpty(letters.getSelectionModel().getSelectedItems())
                .or(reason.textProperty().isEmpty()));
        discard.setOnAction(e -> inbox.discard(selectedIds(), reason.getText().trim()));
        Button trace = new Button("Trace order");
        trace.setId("dlt-trace");
        trace.disableProperty().bind(Bindings.createBooleanBinding(() -> orderOf(letters.getSelectionModel()
                .getSelectedItem()) == null, letters.getSelectionModel().selectedItemProperty()));
        trace.setOnAction(e -> traceOrder.accept(orderOf(letters.getSelectionModel().getSelectedItem())));
        // wraps onto a second line rather than cutting button labels when the pane is narrow
        List<Node> writes = List.of(replaySelected, replayGroup, new Label("at"), rate, new Label("per s"), reason,
                discard);
        for (Node write : writes) {
            // hidden, not disabled, for a viewer: the app would refuse them (403)
            write.visibleProperty().bind(mayAct);
            write.managedProperty().bind(mayAct);
        }
        FlowPane actions = new FlowPane(writes.toArray(Node[]::new));
        actions.getChildren().add(trace);
        actions.getStyleClass().add("actions");

        Label outcome = new Label();
        outcome.setId("dlt-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(inbox.outcomeProperty());
        // hidden, not just unmanaged, while empty: an unmanaged node is still drawn where it last was
        outcome.visibleProperty().bind(outcome.textProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        inbox.actionFailedProperty().addListener((obs, old, failed) -> StatusStyle.apply(outcome, failed ? "ERR" : "OK"));
        StatusStyle.apply(outcome, "OK");
        outcome.getStyleClass().add("outcome");

        ConfirmationBar confirmation = new ConfirmationBar("dlt", inbox.pendingProperty(), inbox::confirm,
                inbox::cancel);
        letters.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        VBox pane = new VBox(filters, actions, confirmation, outcome, new ReplayJobBar(jobs), letters);
        pane.getStyleClass().add("pane");
        VBox.setVgrow(letters, Priority.ALWAYS);
        return pane;
    }

    private void reload() {
        inbox.show(groups.getSelectionModel().getSelectedItem(), state.getValue(), orderId.getText());
    }

    private List<String> selectedIds() {
        return letters.getSelectionModel().getSelectedItems().stream().map(DeadLetter::id).toList();
    }

    private void groupColumns() {
        groups.getColumns().setAll(List.of(
                Tables.column("Source topic", 9, DeadLetterGroup::originalTopic),
                Tables.column("Exception", 11, g -> simpleName(g.exceptionClass())),
                Tables.numeric("Pending", 4.5, DeadLetterGroup::pending, Format::count),
                Tables.numeric("Total", 4, DeadLetterGroup::total, Format::count)));
    }

    private void letterColumns() {
        letters.getColumns().setAll(List.of(
                Tables.column("Failed at", 6, d -> Format.time(Format.parseInstant(d.failedAt()))),
                Tables.identifier("Order / key", 10, DeadLetterView::orderOf),
                Tables.column("Type", 8, d -> d.eventType() == null ? Format.NONE : d.eventType()),
                Tables.column("Exception", 16, d -> simpleName(d.exceptionClass()) + ": " + d.exceptionMessage()),
                Tables.numeric("Tries", 3.5, DeadLetter::attempts, String::valueOf),
                Tables.status("State", 6, DeadLetter::state),
                Tables.numeric("Replays", 5, DeadLetter::replayCount, String::valueOf)));
    }

    private static void jobColumns(TableView<ReplayJob> table) {
        table.getColumns().setAll(List.of(
                Tables.column("Created", 9, (ReplayJob j) -> Format.dateTime(Format.parseInstant(j.createdAt()))),
                Tables.column("By", 6, ReplayJob::requestedBy),
                Tables.status("State", 7, ReplayJob::state),
                Tables.numeric("Selected", 5, ReplayJob::selected, String::valueOf),
                Tables.numeric("Sent", 4, ReplayJob::sent, String::valueOf),
                Tables.numeric("Refused", 5, ReplayJob::refused, String::valueOf),
                Tables.numeric("Failed", 4, ReplayJob::failed, String::valueOf),
                Tables.numeric("Not sent", 5, ReplayJob::remaining, String::valueOf),
                Tables.numeric("Rate/s", 4, ReplayJob::ratePerSecond, String::valueOf),
                Tables.column("Detail", 16, (ReplayJob j) -> j.detail() == null ? "" : j.detail())));
    }

    private void auditColumns() {
        audit.getColumns().setAll(List.of(
                Tables.column("At", 9, a -> Format.dateTime(Format.parseInstant(a.at()))),
                Tables.column("Actor", 6, AuditEntry::actor),
                Tables.column("Action", 6, AuditEntry::action),
                Tables.column("Dead letter", 12, AuditEntry::deadLetterId),
                Tables.status("Outcome", 7, AuditEntry::outcome),
                Tables.column("Detail", 20, AuditEntry::detail)));
    }

    /** The order a dead letter belongs to: its orderId, else its key (the orderId for all but cart events). */
    private static String orderOf(DeadLetter letter) {
        if (letter == null) {
            return null;
        }
        return letter.orderId() != null ? letter.orderId() : letter.key();
    }

    static String simpleName(String className) {
        return className == null ? Format.NONE : className.substring(className.lastIndexOf('.') + 1);
    }

    private static VBox titled(HBox heading, Node content) {
        VBox box = new VBox(heading, content);
        box.getStyleClass().add("pane");
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static VBox padded(Node content) {
        VBox box = new VBox(content);
        box.getStyleClass().add("pane");
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }
}
