package io.orderflow.console.traffic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.KafkaClients;
import io.orderflow.console.kafka.Topics;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.RecordDetailPane;
import io.orderflow.console.ui.Tables;

/**
 * The live tail: records of the chosen topics in time order (newest first), filtered before they are rendered, in
 * a virtualized table over a bounded buffer; the selected record opens in the detail pane.
 */
final class LiveTailPane extends VBox {

    static final int CAPACITY = 5_000;
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final List<String> EVENT_TYPES = List.of("CartItemAdded", "CartCheckedOut", "OrderCreated",
            "PaymentProcessed", "PaymentFailed", "OrderDispatched", "OrderDelivered");

    private final TailBuffer buffer = new TailBuffer(CAPACITY, MAX_BYTES);
    private final FilteredList<EventRecord> filtered = new FilteredList<>(buffer.records());
    private final LiveTail tail;
    private final MenuButton topicsMenu = new MenuButton();
    private final TextField keyFilter = new TextField();
    private final ComboBox<String> typeFilter = new ComboBox<>();
    private final TextField headerFilter = new TextField();
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Label counts = new Label();
    private final Label status = new Label("connecting…");
    private final Set<String> followed = new LinkedHashSet<>(Topics.PIPELINE);
    private long skippedWhilePaused;

    LiveTailPane(KafkaClients clients) {
        getStyleClass().add("pane");
        setId("tail");
        tail = new LiveTail(clients, this::accept, status::setText);

        Label title = new Label("Live tail");
        title.getStyleClass().add("section-title");
        topicsMenu.setId("tail-topics");
        keyFilter.setId("tail-key-filter");
        keyFilter.setPromptText("key or orderId contains…");
        typeFilter.setId("tail-type-filter");
        typeFilter.getItems().setAll(TailFilter.ANY_TYPE, TailFilter.NO_TYPE);
        typeFilter.getItems().addAll(EVENT_TYPES);
        typeFilter.setValue(TailFilter.ANY_TYPE);
        headerFilter.setId("tail-header-filter");
        headerFilter.setPromptText("header: name=value or text");
        keyFilter.setPrefColumnCount(14);
        headerFilter.setPrefColumnCount(16);
        pause.setId("tail-pause");
        pause.selectedProperty().addListener((obs, was, paused) -> {
            skippedWhilePaused = 0;
            updateCounts();
        });
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            buffer.clear();
            updateCounts();
        });
        counts.setId("tail-counts");
        status.setId("tail-status");
        status.getStyleClass().add("muted");
        HBox toolbar = new HBox(title, topicsMenu, keyFilter, typeFilter, headerFilter, pause, clear, counts);
        toolbar.getStyleClass().add("toolbar");

        keyFilter.textProperty().addListener((obs, o, n) -> refilter());
        typeFilter.valueProperty().addListener((obs, o, n) -> refilter());
        headerFilter.textProperty().addListener((obs, o, n) -> refilter());

        TableView<EventRecord> table = table();
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
        getChildren().setAll(toolbar, split, status);
        buffer.records().addListener((ListChangeListener<EventRecord>) c -> updateCounts());
        updateCounts();
    }

    private TableView<EventRecord> table() {
        TableView<EventRecord> table = Tables.table("tail-table", "No records yet: waiting for traffic on the chosen topics");
        TableColumn<EventRecord, Long> time = Tables.numeric("Time", 7, EventRecord::timestamp, Format::timeMillis);
        time.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().setAll(List.of(time,
                Tables.column("Topic", 10, EventRecord::topic),
                Tables.numeric("Part.", 3.5, EventRecord::partition, String::valueOf),
                Tables.numeric("Offset", 5, EventRecord::offset, String::valueOf),
                Tables.column("Key", 14, EventRecord::key),
                Tables.column("Type", 10, r -> r.type() == null ? Format.NONE : r.type()),
                Tables.numeric("Size", 5, EventRecord::size, s -> Format.bytes(s))));
        SortedList<EventRecord> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(time);
        return table;
    }

    void start() {
        tail.follow(followed);
        tail.start();
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
            tail.follow(followed);
        });
        return item;
    }

    private void accept(List<EventRecord> batch) {
        if (pause.isSelected()) {
            skippedWhilePaused += batch.size();
            updateCounts();
        } else {
            buffer.addAll(batch);
        }
    }

    private void refilter() {
        filtered.setPredicate(new TailFilter(keyFilter.getText(), typeFilter.getValue(), headerFilter.getText()));
        updateCounts();
    }

    private void updateCounts() {
        String text = Format.count(filtered.size()) + " shown of " + Format.count(buffer.records().size())
                + " (keeps the last " + Format.count(CAPACITY) + ")";
        if (pause.isSelected()) {
            text += " · paused, " + Format.count(skippedWhilePaused) + " new not shown";
        }
        if (tail.dropped() > 0) {
            text += " · " + Format.count(tail.dropped()) + " dropped while the view was busy";
        }
        counts.setText(text);
    }

    void close() {
        tail.close();
    }
}
