package io.orderflow.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;

import io.orderflow.console.ui.Snapshots;

/**
 * {@code --snapshot-dir}: lets the console run for a while against live data, then shows each view in turn, writes
 * it to {@code NN-view.png} and exits. For README screenshots and for checking a real window on a machine without
 * a screen (under xvfb).
 */
final class StartupSnapshots {

    /** Time for a freshly selected view to lay out and draw its charts before it is captured. */
    private static final Duration SETTLE = Duration.ofMillis(1500);

    private final Console console;
    private final Path directory;
    private final Scene scene;

    StartupSnapshots(Console console, Path directory) {
        this.console = console;
        this.directory = directory;
        this.scene = console.root().getScene();
    }

    void takeAfter(Duration delay) {
        Deque<Console.View> views = new ArrayDeque<>(Arrays.asList(Console.View.values()));
        later(delay, () -> next(views));
    }

    private void next(Deque<Console.View> views) {
        Console.View view = views.poll();
        if (view == null) {
            Platform.exit();
            return;
        }
        console.show(view);
        later(SETTLE, () -> {
            Path file = directory.resolve(String.format("%d-%s.png", view.ordinal() + 1, view.id().substring(4)));
            try {
                System.out.println("snapshot " + Snapshots.write(scene, file).toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            next(views);
        });
    }

    private static void later(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
    }
}
