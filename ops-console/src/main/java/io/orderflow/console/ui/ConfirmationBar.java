package io.orderflow.console.ui;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Shows a pending action (a dry run's verdict, a discard, stopping a route) with confirm and cancel, in place rather
 * than in a dialog, so the operator still sees what the action is about. Hidden while nothing is pending.
 */
public final class ConfirmationBar extends VBox {

    /** Per-item lines shown; a whole group can hold hundreds. */
    static final int MAX_LINES = 6;

    /** Node ids start with {@code idPrefix}: {@code <prefix>-confirmation}, {@code -confirm}, {@code -cancel}. */
    public ConfirmationBar(String idPrefix, ObjectProperty<PendingAction> pending, Runnable confirm, Runnable cancel) {
        setId(idPrefix + "-confirmation");
        getStyleClass().addAll("confirmation", "status-warn");
        Label summary = new Label();
        summary.setId(idPrefix + "-confirmation-summary");
        summary.getStyleClass().add("detail-title");
        summary.setWrapText(true);
        summary.setMinHeight(USE_PREF_SIZE);
        Label details = new Label();
        details.setId(idPrefix + "-confirmation-details");
        details.setWrapText(true);
        details.setMinHeight(USE_PREF_SIZE);
        Button yes = new Button();
        yes.setId(idPrefix + "-confirm");
        yes.setDefaultButton(true);
        yes.setOnAction(e -> confirm.run());
        Button no = new Button("Cancel");
        no.setId(idPrefix + "-cancel");
        no.setCancelButton(true);
        no.setOnAction(e -> cancel.run());
        HBox buttons = new HBox(yes, no);
        buttons.getStyleClass().add("toolbar");
        getChildren().setAll(summary, details, buttons);

        setMinHeight(USE_PREF_SIZE);
        managedProperty().bind(visibleProperty());
        pending.addListener((obs, old, action) -> {
            setVisible(action != null);
            if (action != null) {
                summary.setText(action.summary());
                details.setText(lines(action.details()));
                yes.setText(action.confirmLabel());
                yes.setDisable(!action.confirmable());
            }
        });
        setVisible(false);
    }

    private static String lines(List<String> details) {
        String shown = String.join("\n", details.subList(0, Math.min(MAX_LINES, details.size())));
        return details.size() > MAX_LINES ? shown + "\n… and " + (details.size() - MAX_LINES) + " more" : shown;
    }
}
