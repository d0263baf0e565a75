package io.orderflow.app;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of the application's own background work: named, so a thread dump says what each does, and daemons, so
 * one that is still busy never keeps the JVM alive after Spring has closed the context.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
