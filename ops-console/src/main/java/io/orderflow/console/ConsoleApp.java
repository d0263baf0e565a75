package io.orderflow.console;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window of 1280×800 with the console in it. */
public final class ConsoleApp extends Application {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private ConsoleSettings settings;
    private Console console;

    public ConsoleApp() {
    }

    /** For starting the console in-process (tests) with settings instead of a command line. */
    public ConsoleApp(ConsoleSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init() {
        if (settings == null) {
            settings = ConsoleSettings.parse(getParameters().getRaw(), System.getenv(), Path.of("").toAbsolutePath());
        }
    }

    @Override
    public void start(Stage stage) {
        console = new Console(settings);
        Scene scene = new Scene(console.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        stage.setTitle("Orderflow operator console · " + settings.bootstrapServers() + " · " + settings.appUrl());
        stage.setScene(scene);
        stage.show();
        settings.snapshotDir().ifPresent(dir -> new StartupSnapshots(console, dir).takeAfter(settings.snapshotAfter()));
    }

    /** The running console, for tests that drive it. */
    public Console console() {
        return console;
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
    }
}
