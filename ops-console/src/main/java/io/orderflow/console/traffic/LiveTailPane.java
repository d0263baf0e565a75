package io.orderflow.console.traffic;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.RecordDetailPane;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.StatusStyle;
import io.orderflow.console.ui.Tables;
import io.orderflow.contract.EventType;
import io.orderflow.contract.Topic;

/**
 * The live tail: records of the chosen topics in time order (newest first) from where the operator chose to start,
 * filtered before they are rendered, in a virtualized table over the model's bounded buffer; the selected record
 * opens in the detail pane, the selected records can be exported, and the order a record names can be traced.
 */
final class LiveTailPane extends VBox {

    private final LiveTail tail;
    private final FilteredList<EventRecord> filtered;
    private final TableView<EventRecord> table;
    private final MenuButton topicsMenu = new MenuButton();
    private final TextField keyFilter = new TextField();
    private final ComboBox<String> typeFilter = new ComboBox<>();
    private final TextField headerFilter = new TextField();
    private final ComboBox<TailStart.Kind> startKind = new ComboBox<>();
    private final TextField startAt = new TextField();
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Label counts = new Label();
    private final Label message = new Label();
    private final Set<String> followed = new LinkedHashSet<>(Topic.pipeline());
    private TailStart start = TailStart.LATEST;

    LiveTailPane(LiveTail tail, Consumer<String> traceOrder) {
        this.tail = tail;
        this.filtered = new FilteredList<>(tail.records());
        getStyleClass().add("pane");
        setId("tail");

        Label title = new Label("Live tail");
        title.getStyleClass().add("section-title");
        topicsMenu.setId("tail-topics");
        keyFilter.setId("tail-key-filter");
        keyFilter.setPromptText("key or orderId contains…");
        typeFilter.setId("tail-type-filter");
        typeFilter.getItems().setAll(TailFilter.ANY_TYPE, TailFilter.NO_TYPE);
        typeFilter.getItems().addAll(EventType.names());
        typeFilter.setValue(TailFilter.ANY_TYPE);
        headerFilter.setId("tail-header-filter");
        headerFilter.setPromptText("header: name=value or text");
        keyFilter.setPrefColumnCount(12);
        headerFilter.setPrefColumnCount(14);
        pause.setId("tail-pause");
        pause.selectedProperty().bindBidirectional(tail.pausedProperty());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> tail.clear());
        HBox filters = new HBox(title, topicsMenu, keyFilter, typeFilter, headerFilter, pause, clear);
        filters.getStyleClass().add("toolbar");

        startKind.setId("tail-start");
        startKind.getItems().setAll(TailStart.Kind.values());
        startKind.setValue(TailStart.Kind.LATEST);
        startAt.setId("tail-start-at");
        startAt.setPrefColumnCount(14);
        startKind.valueProperty().addListener((obs, old, kind) -> startAt.setPromptText(switch (kind) {
            case TIMESTAMP -> "2026-11-24 10:15 or …T10:15:00Z";
            case OFFSET -> "120, or per partition 0=120, 2=45";
            default -> "";
        }));
        startAt.disableProperty().bind(Bindings.createBooleanBinding(() -> startKind.getValue() == TailStart.Kind.LATEST
                || startKind.getValue() == TailStart.Kind.EARLIEST, startKind.valueProperty()));
        Button go = new Button("Read from there");
        go.setId("tail-start-apply");
        go.setOnAction(e -> restart());
        startAt.setOnAction(e -> restart());

        table = table();
        Button export = new Button("Export selected…");
        export.setId("tail-export");
        export.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        export.setOnAction(e -> chooseExportFile());
        Button trace = new Button("Trace order");
        trace.setId("tail-trace");
        trace.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        trace.setOnAction(e -> traceOrder.accept(table.getSelectionModel().getSelectedItem().orderId()));
        counts.setId("tail-counts");
        message.setId("tail-message");
        FlowPane position = new FlowPane(new Label("Start"), startKind, startAt, go, export, trace, counts, message);
        position.getStyleClass().add("actions");

        keyFilter.textProperty().addListener((obs, o, n) -> refilter());
        typeFilter.valueProperty().addListener((obs, o, n) -> refilter());
        headerFilter.textProperty().addListener((obs, o, n) -> refilter());

        RecordDetailPane detail = new RecordDetailPane("tail", Orientation.VERTICAL);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, record) -> {
            if (record != null) {
                detail.show(record);
            }
        });
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label status = new Label();
        status.setId("tail-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(tail.statusProperty());
        getChildren().setAll(filters, position, split, status);
        tail.records().addListener((ListChangeListener<EventRecord>) c -> updateCounts());
        tail.skippedWhilePausedProperty().addListener((obs, o, n) -> updateCounts());
        tail.pausedProperty().addListener((obs, o, n) -> updateCounts());
        updateCounts();
        tail.follow(followed, start);
    }

    private TableView<EventRecord> table() {
        TableView<EventRecord> records = Tables.table("tail-table",
                "No records yet: waiting for traffic on the chosen topics");
        TableColumn<EventRecord, Long> time = Tables.numeric("Time", 7, EventRecord::timestamp, Format::timeMillis);
        time.setSortType(TableColumn.SortType.DESCENDING);
        records.getColumns().setAll(List.of(time,
                Tables.column("Topic", 10, EventRecord::topic),
                Tables.numeric("Part.", 3.5, EventRecord::partition, String::valueOf),
                Tables.numeric("Offset", 5, EventRecord::offset, String::valueOf),
                Tables.identifier("Key", 14, EventRecord::key),
                Tables.column("Type", 10, r -> r.type() == null ? Format.NONE : r.type()),
                Tables.numeric("Size", 5, EventRecord::size, s -> Format.bytes(s))));
        records.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        SortedList<EventRecord> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(records.comparatorProperty());
        records.setItems(sorted);
        records.getSortOrder().add(time);
        return records;
    }

    /** Keeps the topic menu in step with the cluster's topics; the followed set stays as the operator chose it. */
    void topicsAre(List<String> topics) {
        Set<String> names = new TreeSet<>(topics);
        Set<String> shown = new TreeSet<>();
        topicsMenu.getItems().forEach(item -> shown.add(item.getText()));
        if (!shown.equals(names)) {
            topicsMenu.getItems().setAll(topics.stream().map(this::topicItem).toList());
        }
        topicsMenu.setText("Topics (" + followed.size() + ")");
    }

    private CheckMenuItem topicItem(String topic) {
        CheckMenuItem item = new CheckMenuItem(topic);
        item.setSelected(followed.contains(topic));
        item.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                followed.add(topic);
            } else {
                followed.remove(topic);
            }
            topicsMenu.setText("Topics (" + followed.size() + ")");
            tail.follow(followed, start);
        });
        return item;
    }

    /** Reads the followed topics again from the chosen start. */
    private void restart() {
        try {
            start = TailStart.parse(startKind.getValue(), startAt.getText(), ZoneId.systemDefault());
            say("", null);
            tail.follow(followed, start);
        } catch (IllegalArgumentException e) {
            say("Start needs " + e.getMessage(), "ERR");
        }
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the selected records as JSON lines");
        chooser.setInitialFileName("records.jsonl");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            export(file.toPath());
        }
    }

    /** Writes the selected records, oldest first, to {@code file} (JSON lines). */
    void export(Path file) {
        List<EventRecord> selected = table.getSelectionModel().getSelectedItems().stream()
                .sorted(TailBuffer.TIME_ORDER).toList();
        try {
            TailExport.write(selected, file);
            say("Exported " + selected.size() + (selected.size() == 1 ? " record to " : " records to ") + file, "OK");
        } catch (IOException e) {
            say("Export failed: " + e.getMessage(), "ERR");
        }
    }

    private void say(String text, String status) {
        message.setText(text);
        StatusStyle.apply(message, status);
    }

    private void refilter() {
        filtered.setPredicate(new TailFilter(keyFilter.getText(), typeFilter.getValue(), headerFilter.getText()));
        updateCounts();
    }

    private void updateCounts() {
        String text = Format.count(filtered.size()) + " shown of " + Format.count(tail.records().size())
                + " (keeps the last " + Format.count(LiveTail.CAPACITY) + ")";
        if (tail.pausedProperty().get()) {
            text += " · paused, " + Format.count(tail.skippedWhilePausedProperty().get()) + " new not shown";
        }
        if (tail.dropped() > 0) {
            text += " · " + Format.count(tail.dropped()) + " dropped while the view was busy";
        }
        counts.setText(text);
    }
}
