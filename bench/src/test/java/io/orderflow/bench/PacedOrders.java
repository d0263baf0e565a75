package io.orderflow.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop {@code POST /api/orders} at a steady offered rate: order {@code seq} of a {@link RunTracker} is due at
 * {@code start + seq / rate}, whatever happened to the orders before it (not closed loop), and its latency runs from
 * that due time, so a request that waited for a free connection or a slow server counts its wait (no coordinated
 * omission). Workers on keep-alive {@link OrderPostConnection}s take the next due order; an order still not sent
 * {@code maxLate} after its due time is skipped and stays missing, so an overloaded application cannot stretch a run
 * without end. The order id of each 201 answer is joined with {@link DeliveredEvents}' OrderDelivered records.
 */
final class PacedOrders {

    private final int port;
    private final int connections;

    PacedOrders(int port, int connections) {
        this.port = port;
        this.connections = connections;
    }

    /** Starts placing the run's orders at {@code perSecond}; each OrderDelivered seen is matched to its order. */
    Placing start(RunTracker run, double perSecond, DeliveredEvents delivered, long maxLateMs) {
        return new Placing(run, perSecond, delivered, TimeUnit.MILLISECONDS.toNanos(maxLateMs));
    }

    /** One run in progress. */
    final class Placing {
        private final RunTracker run;
        private final long start;
        private final long intervalNanos;
        private final long maxLateNanos;
        private final AtomicInteger next = new AtomicInteger();
        private final LongAdder placed = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final LongAdder skipped = new LongAdder();
        private final List<Thread> workers = new ArrayList<>();
        // order id -> {seq, -1} once placed, or {-1, delivered nanos} when its OrderDelivered came first
        private final ConcurrentHashMap<String, long[]> pending = new ConcurrentHashMap<>();

        private Placing(RunTracker run, double perSecond, DeliveredEvents delivered, long maxLateNanos) {
            this.run = run;
            this.intervalNanos = Math.round(1e9 / perSecond);
            this.maxLateNanos = maxLateNanos;
            this.start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50); // workers are up by then
            for (int seq = 0; seq < run.size(); seq++) {
                run.sent(seq, dueAt(seq));
            }
            run.injectionStarted(start);
            run.injectionEnded(dueAt(run.size()));
            delivered.listen(this::delivered);
            for (int i = 0; i < connections; i++) {
                Thread t = new Thread(this::work, "bench-paced-" + i);
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
        }

        private long dueAt(int seq) {
            return start + seq * intervalNanos;
        }

        private void work() {
            OrderPostConnection connection = null;
            for (int seq = next.getAndIncrement(); seq < run.size(); seq = next.getAndIncrement()) {
                long due = dueAt(seq);
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                if (now - due > maxLateNanos) {
                    skipped.increment();
                    continue;
                }
                try {
                    if (connection == null) {
                        connection = new OrderPostConnection(port);
                    }
                    OrderPostConnection.Response response = connection.post(true);
                    String orderId = response.orderId();
                    if (response.ok() && orderId != null) {
                        placed(orderId, seq);
                    } else {
                        failed.increment();
                    }
                    if (!response.keepAlive()) {
                        connection = closed(connection);
                    }
                } catch (IOException e) {
                    failed.increment();
                    connection = closed(connection);
                }
            }
            closed(connection);
        }

        /** Closes a connection (null: none); returns null, the worker's next connection is a new one. */
        private static OrderPostConnection closed(OrderPostConnection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException e) {
                    // going away anyway
                }
            }
            return null;
        }

        private void placed(String orderId, int seq) {
            placed.increment();
            pending.compute(orderId, (id, entry) -> {
                if (entry == null) {
                    return new long[] {seq, -1};
                }
                run.delivered(seq, entry[1]); // its OrderDelivered overtook the HTTP answer
                return null;
            });
        }

        private void delivered(String orderId, long nanos) {
            if (orderId == null) {
                return;
            }
            pending.compute(orderId, (id, entry) -> {
                if (entry == null) {
                    return new long[] {-1, nanos};
                }
                if (entry[0] >= 0) {
                    run.delivered((int) entry[0], nanos);
                    return null;
                }
                return entry; // a repeated OrderDelivered of an order not (yet) placed by this run
            });
        }

        /** Waits until every order was sent, failed or skipped (bounded by the schedule plus the lateness bound). */
        void awaitIssued() throws InterruptedException {
            long limitMs = TimeUnit.NANOSECONDS.toMillis(dueAt(run.size()) - System.nanoTime() + maxLateNanos)
                    + 70_000; // a request in flight when the last slot is due times out after 60 s
            long deadline = System.currentTimeMillis() + Math.max(0, limitMs);
            for (Thread t : workers) {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
        }

        /** When the last order is due. */
        long scheduleEnd() {
            return dueAt(run.size());
        }

        long placed() {
            return placed.sum();
        }

        long failed() {
            return failed.sum();
        }

        long skipped() {
            return skipped.sum();
        }
    }
}
