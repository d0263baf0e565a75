package io.orderflow.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One benchmark run of {@code size} orders: when each was (meant to be) injected and when it reached DELIVERED.
 * Order ids are {@code b<run>-<seq>}, so a delivery names its run and slot without a map lookup. Times are
 * {@link System#nanoTime()} of this JVM: injection, the in-process pipeline and the ceiling relay share the clock.
 */
final class RunTracker {

    private final int run;
    private final int size;
    private final long[] sentAt;
    private final AtomicLongArray doneAt;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final CountDownLatch all;
    private volatile long injectionStart;
    private volatile long injectionEnd;

    RunTracker(int run, int size) {
        this.run = run;
        this.size = size;
        this.sentAt = new long[size];
        this.doneAt = new AtomicLongArray(size);
        this.all = new CountDownLatch(size);
    }

    int run() {
        return run;
    }

    int size() {
        return size;
    }

    String orderId(int seq) {
        return "b" + run + "-" + seq;
    }

    /** The id prefix of this run's orders, for database checks. */
    String idPrefix() {
        return "b" + run + "-";
    }

    void injectionStarted(long nanos) {
        injectionStart = nanos;
    }

    void injectionEnded(long nanos) {
        injectionEnd = nanos;
    }

    /** The end of the injection (of the schedule, for an open-loop run). */
    long injectionEnd() {
        return injectionEnd;
    }

    /** Called by the injector before the send, with the intended send time (open loop) or the actual one (burst). */
    void sent(int seq, long nanos) {
        sentAt[seq] = nanos;
    }

    /** Called once an order reached DELIVERED; ignores other runs' orders and repeats. */
    void delivered(String orderId, long nanos) {
        if (orderId == null || orderId.length() < 4 || orderId.charAt(0) != 'b') {
            return;
        }
        int dash = orderId.indexOf('-');
        if (dash < 2) {
            return;
        }
        int seq;
        try {
            if (Integer.parseInt(orderId, 1, dash, 10) != run) {
                return;
            }
            seq = Integer.parseInt(orderId, dash + 1, orderId.length(), 10);
        } catch (NumberFormatException e) {
            return;
        }
        delivered(seq, nanos);
    }

    /** Called once order {@code seq} of this run reached DELIVERED; a repeat counts as a duplicate. */
    void delivered(int seq, long nanos) {
        if (seq < 0 || seq >= size) {
            return;
        }
        if (doneAt.compareAndSet(seq, 0, nanos)) {
            done.incrementAndGet();
            all.countDown();
        } else {
            duplicates.incrementAndGet();
        }
    }

    int done() {
        return done.get();
    }

    int duplicates() {
        return duplicates.get();
    }

    /** Waits until every order was delivered; false on timeout. */
    boolean awaitAll(long timeoutMs) throws InterruptedException {
        return all.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private long[] doneSorted() {
        long[] d = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            long t = doneAt.get(i);
            if (t != 0) {
                d[n++] = t;
            }
        }
        return Stats.sortedCopy(d, n);
    }

    /**
     * Throughput of a burst run: completions between the 10th and the 90th percentile of completion times divided
     * by the time between them, so neither the ramp-up (consumers waking, JIT) nor the tail of the drain counts.
     */
    double sustainedRate() {
        long[] d = doneSorted();
        if (d.length < 10) {
            return Double.NaN;
        }
        int lo = d.length / 10;
        int hi = d.length - 1 - d.length / 10;
        double seconds = (d[hi] - d[lo]) / 1e9;
        return seconds <= 0 ? Double.NaN : (hi - lo) / seconds;
    }

    /** Orders per second from the first injection to the last delivery. */
    double overallRate() {
        long[] d = doneSorted();
        if (d.length == 0) {
            return Double.NaN;
        }
        return d.length / ((d[d.length - 1] - injectionStart) / 1e9);
    }

    /**
     * Latency and backlog of an open-loop run at {@code offeredPerSecond}; orders injected in the first
     * {@code warmupSeconds} are left out.
     */
    Map<String, Object> latency(double offeredPerSecond, double warmupSeconds) {
        long from = injectionStart + (long) (warmupSeconds * 1e9);
        long to = injectionEnd;
        long[] lat = new long[size];
        int n = 0;
        int missing = 0;
        for (int i = 0; i < size; i++) {
            if (sentAt[i] < from) {
                continue;
            }
            long d = doneAt.get(i);
            if (d == 0) {
                missing++;
                continue;
            }
            lat[n++] = d - sentAt[i];
        }
        long[] sorted = Stats.sortedCopy(lat, n);
        long[] sent = Stats.sortedCopy(sentAt, size);
        long[] done = doneSorted();

        // completions inside the measured window, and the trend of orders in flight (sent, not yet delivered)
        double windowSeconds = Math.max(1e-9, (to - from) / 1e9);
        int completedInWindow = countBetween(done, from, to);
        int points = Math.max(2, (int) (windowSeconds * 10));
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            long t = from + (long) ((to - from) * (double) i / (points - 1));
            x[i] = (t - from) / 1e9;
            y[i] = countAtOrBefore(sent, t) - countAtOrBefore(done, t);
        }
        double backlogSlope = Stats.slope(x, y);
        double achieved = completedInWindow / windowSeconds;
        double maxInFlight = Arrays.stream(y).max().orElse(0);
        boolean sustained = missing == 0 && achieved >= 0.95 * offeredPerSecond
                && backlogSlope <= Math.max(5, 0.05 * offeredPerSecond);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("p50", ms(Stats.percentile(sorted, 50)));
        out.put("p95", ms(Stats.percentile(sorted, 95)));
        out.put("p99", ms(Stats.percentile(sorted, 99)));
        out.put("max", ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        out.put("samples", n);
        out.put("offered_per_s", offeredPerSecond);
        out.put("achieved_per_s", Stats.round(achieved, 1));
        out.put("backlog_growth_per_s", Stats.round(backlogSlope, 1));
        out.put("max_in_flight", (long) maxInFlight);
        out.put("sustained", sustained);
        return out;
    }

    private static double ms(long nanos) {
        return Stats.round(nanos / 1e6, 2);
    }

    private static int countAtOrBefore(long[] sorted, long t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int countBetween(long[] sorted, long from, long to) {
        return countAtOrBefore(sorted, to) - countAtOrBefore(sorted, from);
    }
}
