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
        try {
            ConsoleSettings.parse(List.of(args), System.getenv(), Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println("ops-console: " + e.getMessage());
            System.err.print(ConsoleSettings.USAGE);
            System.exit(2);
        }
        Application.launch(ConsoleApp.class, args);
    }
}
