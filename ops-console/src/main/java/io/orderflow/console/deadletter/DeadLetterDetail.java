package io.orderflow.console.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.api.DeadLetter;
import io.orderflow.console.kafka.HeaderText;
import io.orderflow.console.kafka.RecordDetailPane;
import io.orderflow.console.ui.Format;

/** One dead letter opened: where it came from and why it failed, its headers and payload, and the stack trace. */
final class DeadLetterDetail extends VBox {

    private final GridPane facts = new GridPane();
    private final RecordDetailPane record = new RecordDetailPane("dlt", Orientation.HORIZONTAL);
    private final TextArea stackTrace = new TextArea();

    DeadLetterDetail() {
        getStyleClass().add("pane");
        facts.setId("dlt-facts");
        facts.getStyleClass().add("facts");
        stackTrace.setId("dlt-stacktrace");
        stackTrace.setEditable(false);
        stackTrace.getStyleClass().add("code");
        VBox trace = new VBox(caption("Stack trace"), stackTrace);
        VBox.setVgrow(stackTrace, Priority.ALWAYS);
        SplitPane split = new SplitPane(record, trace);
        split.setDividerPositions(0.66);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(facts, split);
        clear();
    }

    void show(DeadLetter letter) {
        facts.getChildren().clear();
        row(0, "Original", letter.originalTopic() + " · partition " + letter.originalPartition() + " · offset "
                + letter.originalOffset() + " · " + time(letter.originalTimestamp()));
        row(1, "Failed", time(letter.failedAt()) + " in " + letter.consumerGroup() + " / route " + letter.routeId()
                + " after " + letter.attempts() + (Integer.valueOf(1).equals(letter.attempts()) ? " attempt" : " attempts"));
        row(2, "Exception", letter.exceptionClass() + ": " + letter.exceptionMessage());
        row(3, "State", letter.state() + (letter.replayCount() == null || letter.replayCount() == 0 ? ""
                : " · replayed " + letter.replayCount() + "×")
                + (letter.resolution() == null ? "" : " · " + letter.resolution()));
        Map<String, String> headers = letter.headers() == null ? Map.of() : letter.headers();
        List<HeaderText> rows = headers.entrySet().stream().map(e -> new HeaderText(e.getKey(), e.getValue())).toList();
        record.show(letter.id() + " · key " + letter.key() + " · " + (letter.eventType() == null ? "no type"
                : letter.eventType()), rows, letter.payload());
        stackTrace.setText(letter.stacktrace() == null ? "" : letter.stacktrace());
    }

    void clear() {
        facts.getChildren().clear();
        row(0, "", "Select a dead letter to see why it failed");
        record.clear();
        stackTrace.clear();
    }

    private void row(int index, String name, String value) {
        Label text = new Label(value);
        text.setWrapText(true);
        text.setId("dlt-fact-" + index);
        facts.addRow(index, caption(name), text);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        return label;
    }

    private static String time(String instant) {
        Instant parsed = Format.parseInstant(instant);
        return parsed == null ? String.valueOf(instant) : Format.dateTime(parsed);
    }
}
