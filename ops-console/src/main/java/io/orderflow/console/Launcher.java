package io.orderflow.console;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;

/**
 * Entry point. A main class that is not itself an Application lets the console start from a plain classpath, and
 * checks the options before a window opens, so a typo is a clear message rather than a stack trace.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        ConsoleSettings settings = null;
        try {
            settings = ConsoleSettings.parse(List.of(args), System.getenv(), Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println("ops-console: " + e.getMessage());
            System.err.print(ConsoleSettings.USAGE);
            System.exit(2);
        }
        if (settings.headless()) {
            renderWithoutADisplay();
        }
        Application.launch(ConsoleApp.class, args);
    }

    /**
     * Monocle's headless glass and the software renderer, the same as the tests use; read when the toolkit starts,
     * so they are set before it does.
     */
    private static void renderWithoutADisplay() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }
}
