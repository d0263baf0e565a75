package io.orderflow.console.background;

import java.time.Instant;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import io.orderflow.console.ui.Banner;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.Fx;

/**
 * Whether a dependency (the Kafka cluster, the app) answered the last time the console asked, for the status bar
 * and the banners of the views that need it. Background jobs report; the properties change on the FX thread.
 */
public final class Reachability {

    public enum State { CONNECTING, UP, DOWN }

    private final String target;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CONNECTING);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("connecting…");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("connecting…");
    private Instant downSince;

    public Reachability(String target) {
        this.target = target;
    }

    public String target() {
        return target;
    }

    /** A banner showing this dependency's state while it is down, prefixed with what a view cannot do without it. */
    public Banner banner(String id, String consequence) {
        Banner banner = new Banner(id);
        Runnable refresh = () -> {
            if (state.get() == State.DOWN) {
                banner.show(consequence + " " + target + " " + detail.get(), "DOWN");
            } else {
                banner.clear();
            }
        };
        state.addListener((obs, old, now) -> refresh.run());
        detail.addListener((obs, old, now) -> refresh.run());
        refresh.run();
        return banner;
    }

    /** Call from any thread. */
    public void up(String what) {
        Fx.run(() -> {
            downSince = null;
            detail.set(what);
            summary.set(what);
            state.set(State.UP);
        });
    }

    /** Call from any thread; {@code reason} says what failed, in words an operator can act on. */
    public void down(String reason) {
        Instant now = Instant.now();
        Fx.run(() -> {
            if (downSince == null) {
                downSince = now;
            }
            summary.set("unreachable since " + Format.time(downSince));
            detail.set(summary.get() + ", retrying: " + reason);
            state.set(State.DOWN);
        });
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The full state, with the reason when down. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The state in a few words, for places with little room. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public boolean isUp() {
        return state.get() == State.UP;
    }
}
