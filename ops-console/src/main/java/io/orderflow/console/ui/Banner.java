package io.orderflow.console.ui;

import javafx.scene.control.Label;
/**
 * A one-line message across the top of a view: why it shows nothing or what just failed. Hidden (and taking no
 * space) while empty.
 */
public final class Banner extends Label {

    public Banner(String id) {
        setId(id);
        getStyleClass().add("banner");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        // a wrapping label in a VBox is otherwise squeezed to one line and cut with an ellipsis
        setMinHeight(USE_PREF_SIZE);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    public void show(String message, String status) {
        setText(message);
        StatusStyle.apply(this, status);
        setVisible(true);
    }

    public void clear() {
        setText("");
        setVisible(false);
    }
}
