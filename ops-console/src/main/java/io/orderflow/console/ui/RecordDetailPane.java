package io.orderflow.console.ui;

import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.HeaderText;

/**
 * The opened record: where it sits, its headers and its value, JSON pretty-printed. Decoding happens here, when a
 * row is selected, never for the rows merely scrolled past.
 */
public final class RecordDetailPane extends VBox {

    private final Label title = new Label("Select a record to see its headers and payload");
    private final TableView<HeaderText> headers = Tables.table(null, "No headers");
    private final TextArea payload = new TextArea();

    public RecordDetailPane(String idPrefix) {
        getStyleClass().add("record-detail");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        headers.setId(idPrefix + "-headers");
        headers.getColumns().setAll(List.of(
                Tables.column("Header", 14, HeaderText::name),
                Tables.column("Value", 20, HeaderText::value)));
        payload.setId(idPrefix + "-payload");
        payload.setEditable(false);
        payload.getStyleClass().add("code");
        SplitPane split = new SplitPane(headers, payload);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(title, split);
    }

    public void show(EventRecord record) {
        show(record.topic() + " · partition " + record.partition() + " · offset " + record.offset() + " · "
                        + Format.timeMillis(record.timestamp()) + " · " + Format.bytes(record.size())
                        + (record.truncated() ? " (first " + Format.bytes(record.value().length) + " shown)" : ""),
                record.headers(), record.valueText());
    }

    public void show(String heading, List<HeaderText> headerRows, String value) {
        title.setText(heading);
        headers.getItems().setAll(headerRows);
        payload.setText(JsonText.pretty(value));
    }

    public void clear() {
        title.setText("Select a record to see its headers and payload");
        headers.getItems().clear();
        payload.clear();
    }
}
