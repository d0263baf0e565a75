package io.orderflow.console.background;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.orderflow.console.ui.Fx;

/**
 * Hands values produced on background threads to listeners on the FX thread, so views and models only ever
 * change on the FX thread. Remembers the latest value for listeners that join later (a view built after the
 * first sample still shows it).
 */
public final class Feed<T> {

    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private volatile T latest;

    /** Call from any thread. */
    public void publish(T value) {
        latest = value;
        Fx.run(() -> listeners.forEach(listener -> listener.accept(value)));
    }

    /** Call on the FX thread. */
    public void subscribe(Consumer<T> listener) {
        listeners.add(listener);
        T current = latest;
        if (current != null) {
            listener.accept(current);
        }
    }
}
