package io.orderflow.console;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import io.orderflow.console.ui.Snapshots;

/**
 * Runs the real console in this JVM on TestFX's headless stage and reads what it shows: node lookups by id, text
 * as rendered, table rows, and PNG snapshots into target/snapshots.
 */
final class ConsoleDriver implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(45);
    static final Path SNAPSHOTS = Path.of(System.getProperty("orderflow.snapshots", "target/snapshots"));

    final FxRobot robot = new FxRobot();
    private final ConsoleApp app;

    private ConsoleDriver(ConsoleApp app) {
        this.app = app;
    }

    static ConsoleDriver start(List<String> args) throws TimeoutException {
        ConsoleSettings settings = ConsoleSettings.parse(args, java.util.Map.of(), Path.of("").toAbsolutePath());
        FxToolkit.registerPrimaryStage();
        ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(settings));
        return new ConsoleDriver(app);
    }

    Console console() {
        return app.console();
    }

    void show(Console.View view) {
        onFx(() -> {
            console().show(view);
            return null;
        });
    }

    <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("FX work failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    <T extends Node> T node(String id) {
        return (T) robot.lookup("#" + id).query();
    }

    String text(String id) {
        return onFx(() -> ((Labeled) node(id)).getText());
    }

    boolean visible(String id) {
        return onFx(() -> node(id).isVisible());
    }

    /** Waits until the labelled node with this id shows text matching {@code expected}, and returns that text. */
    String awaitText(String id, Predicate<String> expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> text(id), text -> text != null && expected.test(text));
        return text(id);
    }

    /**
     * Clicks the button with this id once it is enabled, and again until the labelled node shows text matching
     * {@code expected}, which it returns. A robot click goes where the button was when the pointer started to move,
     * and a report arriving meanwhile can lay the view out anew: CI once saw the click on a route's start button open
     * nothing. The tests are about what the click does, not where the pointer lands.
     */
    String clickUntilText(String buttonId, String labelId, Predicate<String> expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!onFx(() -> node(buttonId).isDisabled())) {
                robot.clickOn("#" + buttonId);
                WaitForAsyncUtils.waitForFxEvents();
            }
            String text = text(labelId);
            return text != null && expected.test(text);
        });
        return text(labelId);
    }

    <S> List<S> rows(String tableId) {
        return onFx(() -> List.copyOf(this.<TableView<S>>node(tableId).getItems()));
    }

    Path snapshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            try {
                return Snapshots.write(app.console().root().getScene(), SNAPSHOTS.resolve(name + ".png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
