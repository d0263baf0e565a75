package io.orderflow.console.ui;

import javafx.scene.control.Label;

import io.orderflow.console.Reachability;

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

    /** Shows the dependency's state while it is down, prefixed with what this view cannot do without it. */
    public static Banner whileDown(String id, Reachability dependency, String consequence) {
        Banner banner = new Banner(id);
        Runnable refresh = () -> {
            if (dependency.stateProperty().get() == Reachability.State.DOWN) {
                banner.show(consequence + " " + dependency.target() + " " + dependency.detailProperty().get(), "DOWN");
            } else {
                banner.clear();
            }
        };
        dependency.stateProperty().addListener((obs, old, now) -> refresh.run());
        dependency.detailProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();
        return banner;
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
