package io.orderflow.console.kafka;

import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.JsonText;
import io.orderflow.console.ui.Tables;


/**
 * The opened record: where it sits, its headers and its value, JSON pretty-printed. Decoding happens here, when a
 * row is selected, never for the rows merely scrolled past.
 */
public final class RecordDetailPane extends VBox {

    private static final int MAX_HEADER_CHARS = 300;

    private final Label title = new Label("Select a record to see its headers and payload");
    private final TableView<HeaderText> headers = Tables.table(null, "No headers");
    private final TextArea payload = new TextArea();

    /** {@code layout}: headers above the payload (VERTICAL) or beside it (HORIZONTAL, for short panes). */
    public RecordDetailPane(String idPrefix, Orientation layout) {
        getStyleClass().add("record-detail");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.setMinHeight(USE_PREF_SIZE);
        headers.setId(idPrefix + "-headers");
        headers.getColumns().setAll(List.of(
                Tables.column("Header", 15, HeaderText::name),
                Tables.column("Value", 20, h -> oneLine(h.value()))));
        payload.setId(idPrefix + "-payload");
        payload.setEditable(false);
        payload.setWrapText(true);
        payload.getStyleClass().add("code");
        SplitPane split = new SplitPane(headers, payload);
        split.setOrientation(layout);
        split.setDividerPositions(layout == Orientation.VERTICAL ? 0.35 : 0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(title, split);
    }

    public void show(EventRecord record) {
        show(record.topic() + " · partition " + record.partition() + " · offset " + record.offset() + " · "
                        + Format.timeMillis(record.timestamp()) + " · key " + record.key() + " · "
                        + Format.bytes(record.size())
                        + (record.truncated() ? " (first " + Format.bytes(record.value().length) + " shown)" : ""),
                record.headers(), record.valueText());
    }

    public void show(String heading, List<HeaderText> headerRows, String value) {
        title.setText(heading);
        headers.getItems().setAll(headerRows);
        payload.setText(JsonText.pretty(value));
    }

    /** Header values such as stack traces span many lines; the table shows the start, the full text is elsewhere. */
    private static String oneLine(String value) {
        String flat = value.replace("\r", "").replace("\n", " ⏎ ").replace("\t", " ");
        return flat.length() > MAX_HEADER_CHARS ? flat.substring(0, MAX_HEADER_CHARS) + " …" : flat;
    }

    public void clear() {
        title.setText("Select a record to see its headers and payload");
        headers.getItems().clear();
        payload.clear();
    }
}
