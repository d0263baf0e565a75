package io.orderflow.console.background;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that talk to Kafka and the app, so the FX thread never waits on the network. Periodic jobs run with
 * a fixed delay (a slow round, e.g. against an unreachable broker, delays the next one instead of piling up), each
 * on its own thread so one blocked sampler does not stall the others.
 */
public final class Background implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Background.class);

    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;

    public Background(int periodicJobs) {
        this.scheduler = Executors.newScheduledThreadPool(periodicJobs, daemon("console-poll"));
        this.workers = Executors.newFixedThreadPool(2, daemon("console-work"));
    }

    /**
     * Runs {@code job} now and then {@code period} after each run ends. A failing run is logged and the schedule
     * continues (an uncaught exception would silently cancel it).
     */
    public void every(Duration period, String name, Runnable job) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", name, e.toString());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One-off work, such as an order trace. */
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
