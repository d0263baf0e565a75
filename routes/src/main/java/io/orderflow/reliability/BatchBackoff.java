package io.orderflow.reliability;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pause before a failed poll batch is read again. camel-kafka reconnects and re-polls at once after a failed
 * batch (breakOnFirstError), so without it every consumer of a stage would hammer a database that is down in a
 * tight loop. Doubling from {@code initialMs} up to {@code maxMs}, far under {@code max.poll.interval.ms}, and
 * back to nothing after a batch succeeds. Shared by a stage's consumers: the database is down for all of them.
 */
public final class BatchBackoff {

    private final long initialMs;
    private final long maxMs;
    private final AtomicInteger failuresInARow = new AtomicInteger();

    public BatchBackoff(long initialMs, long maxMs) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
    }

    public void succeeded() {
        failuresInARow.set(0);
    }

    /** Waits before the batch is read again; returns the pause taken in milliseconds. */
    public long failed() throws InterruptedException {
        long pause = pauseAfter(failuresInARow.incrementAndGet());
        TimeUnit.MILLISECONDS.sleep(pause);
        return pause;
    }

    long pauseAfter(int failures) {
        long pause = initialMs;
        for (int i = 1; i < failures && pause < maxMs; i++) {
            pause *= 2;
        }
        return Math.min(pause, maxMs);
    }
}
