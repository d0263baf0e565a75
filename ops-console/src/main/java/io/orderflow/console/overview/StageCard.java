package io.orderflow.console.overview;

import java.util.Locale;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import io.orderflow.console.api.RouteReport;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.StatusStyle;

/**
 * One stage of the flow: the topics its group reads, each with its rate, the topic it writes (and who else does),
 * lag and dead letters, with the border coloured by health.
 */
final class StageCard extends VBox {

    private static final String HIGHLIGHTED = "highlighted";

    private final String id;
    private final PauseTransition highlightEnds = new PauseTransition(Duration.seconds(8));
    private final Label health = new Label();
    private final GridPane reads = new GridPane();
    private final Label in = new Label();
    private final Label out = new Label();
    private final Label lag = new Label();
    private final Label deadLetters = new Label();
    private final Label outbox = new Label(Format.NONE);
    private final Label note = new Label();

    StageCard(Stage stage) {
        id = "stage-" + stage.name().toLowerCase(Locale.ROOT);
        setId(id);
        getStyleClass().add("stage-card");
        highlightEnds.setOnFinished(e -> getStyleClass().remove(HIGHLIGHTED));
        Label title = new Label(stage.title());
        title.getStyleClass().add("stage-title");
        health.getStyleClass().add("badge");
        in.setId(id + "-in");
        out.setId(id + "-out");
        lag.setId(id + "-lag");
        deadLetters.setId(id + "-dlt");
        outbox.setId(id + "-outbox");
        health.setId(id + "-health");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setMinHeight(USE_PREF_SIZE);
        reads.setId(id + "-reads");
        reads.getStyleClass().add("reads");

        Label writes = new Label(stage.output() + (stage.otherWriters() == null ? "" : "\n" + stage.otherWriters()));
        writes.setId(id + "-writes");
        writes.getStyleClass().add("muted");
        writes.setWrapText(true);
        writes.setMinHeight(USE_PREF_SIZE);

        GridPane figures = new GridPane();
        figures.getStyleClass().add("figures");
        figures.addRow(0, caption("in"), in);
        figures.addRow(1, caption("out"), out);
        figures.addRow(2, caption("lag"), lag);
        figures.addRow(3, caption("dead letters"), deadLetters);
        figures.addRow(4, caption("outbox"), outbox);
        setAlignment(Pos.TOP_LEFT);
        getChildren().setAll(title, health, caption("reads"), reads, caption("writes"), writes, figures, note);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        return label;
    }

    /** Events the stage committed and the app has not published yet (its outbox), as the app last reported. */
    void showOutbox(RouteReport.Outbox waiting) {
        outbox.setText(RouteReport.Outbox.describe(waiting));
    }

    void show(StageFigures figures) {
        reads.getChildren().clear();
        if (figures.stage().group() == null) {
            Label rest = new Label("REST requests");
            rest.getStyleClass().add("muted");
            reads.addRow(0, rest);
        }
        int row = 0;
        for (StageFigures.Input input : figures.inputs()) {
            Label topic = new Label(input.topic());
            topic.getStyleClass().add("muted");
            Label rate = new Label(Format.rate(input.rate()));
            rate.getStyleClass().add("rate");
            rate.setId(id + "-in-" + input.topic());
            reads.addRow(row++, topic, rate);
        }
        in.setText(figures.stage().group() == null ? "REST" : Format.rate(figures.inRate()));
        out.setText(Format.rate(figures.outRate()));
        lag.setText(figures.lag() == null ? Format.NONE
                : Format.count(figures.lag()) + (figures.lagMillis() == null || figures.lag() == 0 ? ""
                : " · " + Format.millis(figures.lagMillis())));
        deadLetters.setText(figures.deadLetters() == null ? Format.NONE : Format.count(figures.deadLetters()));
        health.setText(figures.health());
        note.setText(figures.note());
        StatusStyle.apply(health, figures.health());
        StatusStyle.apply(this, figures.health());
    }

    /** Marks the card an operator was sent to (from a route on the Routes view) for a few seconds. */
    void highlight() {
        getStyleClass().remove(HIGHLIGHTED);
        getStyleClass().add(HIGHLIGHTED);
        highlightEnds.playFromStart();
    }
}
