package io.orderflow.console.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javafx.application.Platform;

/** Moving work onto the FX thread. */
public final class Fx {

    private Fx() {
    }

    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Delivers the outcome of background work on the FX thread, with the wrapping CompletionException removed. */
    public static <T> void whenDone(CompletableFuture<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        work.whenComplete((value, error) -> run(() -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
        }));
    }
}
