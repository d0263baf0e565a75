package io.orderflow.console.overview;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.StatusStyle;

/** One stage of the flow: its rates in and out, lag, dead letters, with the border coloured by health. */
final class StageCard extends VBox {

    private final Label health = new Label();
    private final Label in = new Label();
    private final Label out = new Label();
    private final Label lag = new Label();
    private final Label deadLetters = new Label();
    private final Label note = new Label();

    StageCard(Stage stage) {
        String id = "stage-" + stage.name().toLowerCase(Locale.ROOT);
        setId(id);
        getStyleClass().add("stage-card");
        Label title = new Label(stage.title());
        title.getStyleClass().add("stage-title");
        Label topics = new Label((stage.input() == null ? "REST" : stage.input()) + " → " + stage.output());
        topics.getStyleClass().add("muted");
        topics.setWrapText(true);
        topics.setMinHeight(USE_PREF_SIZE);
        health.getStyleClass().add("badge");
        in.setId(id + "-in");
        out.setId(id + "-out");
        lag.setId(id + "-lag");
        deadLetters.setId(id + "-dlt");
        health.setId(id + "-health");
        note.getStyleClass().add("muted");
        note.setWrapText(true);

        GridPane figures = new GridPane();
        figures.getStyleClass().add("figures");
        figures.addRow(0, caption("in"), in);
        figures.addRow(1, caption("out"), out);
        figures.addRow(2, caption("lag"), lag);
        figures.addRow(3, caption("dead letters"), deadLetters);
        setAlignment(Pos.TOP_LEFT);
        getChildren().setAll(title, topics, health, figures, note);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        return label;
    }

    void show(StageFigures figures) {
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
}
