package io.orderflow.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP/1.1 load generator: {@code connections} keep-alive {@link OrderPostConnection}s, each sending
 * {@code POST /api/orders} as soon as the previous answer arrived. A connection the server closes (Tomcat ends
 * keep-alive after 100 requests by default) is reopened, as wrk does.
 */
final class RestLoad implements AutoCloseable {

    private final int port;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean running = true;
    private volatile Window window = new Window();

    RestLoad(int port, int connections) {
        this.port = port;
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(this::work, "rest-load-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
    }

    void start() {
        workers.forEach(Thread::start);
    }

    /** Starts a new measurement window and returns the one that just ended. */
    Window swap() {
        Window ended = window;
        window = new Window();
        ended.close();
        return ended;
    }

    /**
     * Waits until the current window has a completed request, at most {@code limit}: on a machine saturated by
     * other processes a short (smoke) window can end before the first order is placed.
     */
    void awaitFirstResponse(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (window.ok.sum() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling a counter the workers own; nothing to wait on
        }
    }

    long reconnects() {
        return reconnects.get();
    }

    private void work() {
        while (running) {
            try (OrderPostConnection connection = new OrderPostConnection(port)) {
                boolean keepAlive = true;
                while (running && keepAlive) {
                    long start = System.nanoTime();
                    OrderPostConnection.Response response = connection.post(false);
                    window.record(System.nanoTime() - start, response.ok());
                    keepAlive = response.keepAlive();
                }
            } catch (IOException e) {
                if (running) {
                    window.failed();
                }
            }
            if (running) {
                reconnects.incrementAndGet();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : workers) {
            t.join(10_000);
        }
    }

    /** Counts and a 10-microsecond latency histogram (up to 1 s) of one measurement window. */
    static final class Window {
        private static final int BUCKET_US = 10;
        private static final int BUCKETS = 100_000;
        private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS + 1);
        private final LongAdder ok = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final AtomicLong maxNanos = new AtomicLong();
        private final long started = System.nanoTime();
        private volatile long ended;

        void record(long nanos, boolean success) {
            if (success) {
                ok.increment();
            } else {
                failed.increment();
            }
            histogram.incrementAndGet((int) Math.min(BUCKETS, nanos / 1000 / BUCKET_US));
            maxNanos.accumulateAndGet(nanos, Math::max);
        }

        void failed() {
            failed.increment();
        }

        void close() {
            ended = System.nanoTime();
        }

        double seconds() {
            return ((ended == 0 ? System.nanoTime() : ended) - started) / 1e9;
        }

        double okPerSecond() {
            return ok.sum() / seconds();
        }

        long ok() {
            return ok.sum();
        }

        long failures() {
            return failed.sum();
        }

        double percentileMs(double p) {
            long total = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                total += histogram.get(i);
            }
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(p / 100.0 * total);
            long seen = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                seen += histogram.get(i);
                if (seen >= rank) {
                    return (i + 1) * BUCKET_US / 1000.0;
                }
            }
            return maxNanos.get() / 1e6;
        }

        Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("requests_per_s", Stats.round(okPerSecond(), 1));
            out.put("ok", ok());
            out.put("failed", failures());
            out.put("seconds", Stats.round(seconds(), 2));
            out.put("p50_ms", Stats.round(percentileMs(50), 2));
            out.put("p99_ms", Stats.round(percentileMs(99), 2));
            out.put("max_ms", Stats.round(maxNanos.get() / 1e6, 2));
            return out;
        }
    }
}
