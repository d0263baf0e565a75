package io.orderflow.console.lag;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.StatusStyle;

/**
 * The strip across the top of the window while there are alerts nobody dismissed: the latest one, how many more,
 * a way to the lag view and a way to dismiss them. Visible from every view.
 */
public final class AlertBar extends HBox {

    public AlertBar(AlertLog log, Runnable showLag) {
        setId("alert-bar");
        getStyleClass().add("alert-bar");
        Label message = new Label();
        message.setId("alert-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button show = new Button("Show consumer lag");
        show.setOnAction(e -> showLag.run());
        Button dismiss = new Button("Dismiss");
        dismiss.setId("alert-dismiss");
        dismiss.setOnAction(e -> log.acknowledgeAll());
        show.setMinWidth(USE_PREF_SIZE);
        dismiss.setMinWidth(USE_PREF_SIZE);
        getChildren().setAll(message, show, dismiss);

        managedProperty().bind(visibleProperty());
        Runnable refresh = () -> {
            int count = log.unacknowledgedProperty().get();
            setVisible(count > 0 && !log.alerts().isEmpty());
            if (isVisible()) {
                Alert latest = log.alerts().get(0);
                message.setText("⚠ " + Format.time(latest.at()) + "  " + latest.headline() + " · " + latest.detail()
                        + (count > 1 ? "  (+" + (count - 1) + " more)" : ""));
                StatusStyle.apply(this, latest.to().asGroupStatus().name());
            }
        };
        log.unacknowledgedProperty().addListener((obs, old, now) -> refresh.run());
        log.alerts().addListener((ListChangeListener<Alert>) change -> refresh.run());
        refresh.run();
    }
}
