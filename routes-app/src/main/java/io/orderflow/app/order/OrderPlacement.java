package io.orderflow.app.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.app.OrderflowProperties;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.event.TimeOrderedIds;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCreation;

/**
 * {@code POST /api/orders} with group commit. Every commit of the embedded H2 store writes a chunk to its file
 * before it returns (WRITE_DELAY=0, so an acknowledged order survives a kill), which made one transaction per
 * request the bottleneck. Requests therefore queue here, and one writer places everything that is waiting, up to
 * {@code orderflow.placement.max-group-size} orders, in one transaction ({@link OrderCreation#createAll}). A request
 * that finds the writer idle is placed at once; those that arrive while a group commits form the next group, so no
 * request waits for company.
 * <p>
 * Every request gets its own answer, and a 201 only once its order and its OrderCreated (in the outbox) are
 * committed; the outbox relay publishes the event after that, so a broker that is down delays the event, not the
 * order. If a group fails, its orders are placed again one by one, each in its own transaction, so a bad order fails
 * alone; a draft keeps its event id across attempts.
 */
@Service
public class OrderPlacement implements SmartLifecycle, DisposableBean {

    /**
     * Stops after the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}) has let the requests in
     * flight finish, and before the outbox relay (phase 0), which publishes what the writer committed last.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How long the idle writer waits for a request before it checks whether it should stop. */
    private static final long IDLE_POLL_MS = 200;
    /**
     * How long a request the writer already took waits for its answer: longer than a group's statement may wait for a
     * lock, 30 s on PostgreSQL ({@code PostgresLockTimeout}) and 2 s on H2; a group writes new rows, so it seldom
     * waits for one at all.
     */
    private static final int ANSWER_TIMEOUT_SECONDS = 35;
    private static final Logger LOG = LoggerFactory.getLogger(OrderPlacement.class);

    private final OrderCreation creation;
    private final TransactionTemplate transactions;
    private final OrderflowProperties.Placement settings;
    private final BlockingQueue<Pending> queue;
    // the one writer thread
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "order-placement"));
    private final DistributionSummary groupSizes;
    private final Counter fallbacks;
    private volatile boolean running;
    private Future<?> writing;

    public OrderPlacement(OrderCreation creation, PlatformTransactionManager transactionManager,
                          OrderflowProperties properties, MeterRegistry registry) {
        this.creation = creation;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = properties.placement();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.groupSizes = DistributionSummary.builder("orderflow.order.placement.group.size")
                .description("orders per database transaction of POST /api/orders (group commit)")
                .register(registry);
        this.fallbacks = Counter.builder("orderflow.order.placement.fallbacks")
                .description("groups that failed and were placed again one order per transaction")
                .register(registry);
        Gauge.builder("orderflow.order.placement.queued", queue, Collection::size)
                .description("orders waiting for the writer").register(registry);
    }

    /** A request waiting for the writer; whoever claims it first, the writer or the caller giving up, owns it. */
    private record Pending(OrderCreation.Draft draft, Consumer<Order> inTransaction, CompletableFuture<Order> result,
                           AtomicBoolean claimed) {
        Pending(OrderCreation.Draft draft, Consumer<Order> inTransaction) {
            this(draft, inTransaction, new CompletableFuture<>(), new AtomicBoolean());
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }

    /** Places the order with nothing else in its transaction; see {@link #place(String, List, String, Consumer)}. */
    public Order place(String customerId, List<OrderLine> lines, String correlationId) {
        return place(customerId, lines, correlationId, order -> { });
    }

    /**
     * Places the order and returns once it and its OrderCreated are committed; throws what placing it threw, or a
     * {@link PlacementRejectedException} (nothing stored) when the queue is full, the application is not running, or
     * the order waited {@code queue-timeout} without the writer taking it. {@code inTransaction} gets the order
     * inside the transaction that stores it, for what must commit with it (or fail it: the order is then not
     * stored, and its group's other orders are placed without it).
     */
    public Order place(String customerId, List<OrderLine> lines, String correlationId, Consumer<Order> inTransaction) {
        if (!running) {
            throw notRunning();
        }
        Pending pending = new Pending(creation.draft(TimeOrderedIds.next().toString(), customerId, lines,
                correlationId, null), inTransaction);
        if (!queue.offer(pending)) {
            throw new PlacementRejectedException(settings.queueCapacity() + " orders are waiting to be placed already;"
                    + " nothing was stored, retry shortly", RETRY_AFTER);
        }
        if (!running && withdraw(pending)) {
            throw notRunning(); // stopped while we queued: the writer may be gone already
        }
        return await(pending);
    }

    private Order await(Pending pending) {
        try {
            return pending.result().get(settings.queueTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unwrapped(e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (withdraw(pending)) {
                throw new PlacementRejectedException("the order waited " + settings.queueTimeout().toMillis()
                        + " ms to be placed and was withdrawn; nothing was stored, retry shortly", RETRY_AFTER);
            }
            // the writer is placing it right now; its answer follows once its transaction ends
            try {
                return pending.result().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException failed) {
                throw unwrapped(failed.getCause());
            } catch (TimeoutException | InterruptedException stuck) {
                if (stuck instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the order placement writer did not answer", stuck);
            }
        }
    }

    private boolean withdraw(Pending pending) {
        if (pending.claim()) {
            queue.remove(pending);
            return true;
        }
        return false;
    }

    private void writeGroups() {
        List<Pending> group = new ArrayList<>(settings.maxGroupSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, settings.maxGroupSize() - 1);
                group.removeIf(pending -> !pending.claim()); // its caller gave up waiting
                if (!group.isEmpty()) {
                    place(group);
                }
            } catch (InterruptedException e) {
                // nothing interrupts this thread (an interrupt would also close H2's file channel); if it happens, end
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // an Error: answer the group (answered ones ignore this) and keep placing orders
                LOG.error("order placement: writer failed", e);
                group.forEach(pending -> pending.result().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void place(List<Pending> group) {
        groupSizes.record(group.size());
        try {
            List<Order> orders = transactions.execute(status -> {
                List<Order> created = creation.createAll(group.stream().map(Pending::draft).toList());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).inTransaction().accept(created.get(i));
                }
                return created;
            });
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(orders.get(i));
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(e);
                return;
            }
            fallbacks.increment();
            LOG.warn("order placement: a group of {} orders failed ({}); placing each on its own", group.size(),
                    e.toString());
            for (Pending pending : group) {
                place(List.of(pending));
            }
        }
    }

    private static RuntimeException unwrapped(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private static PlacementRejectedException notRunning() {
        return new PlacementRejectedException(
                "the application is starting or stopping; nothing was stored, retry shortly", RETRY_AFTER);
    }

    @Override
    public void start() {
        running = true;
        writing = writer.submit(this::writeGroups);
    }

    /** Refuses new orders, lets the writer place those already waiting, and answers any it could not reach. */
    @Override
    public void stop() {
        running = false;
        if (writing == null) {
            return;
        }
        try {
            writing.get(settings.queueTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("order placement: the writer is still busy after {} ms", settings.queueTimeout().toMillis());
        } catch (ExecutionException e) {
            LOG.error("order placement: writer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending left; (left = queue.poll()) != null; ) {
            if (left.claim()) {
                left.result().completeExceptionally(notRunning());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void destroy() {
        writer.shutdown(); // not shutdownNow: an interrupt would close H2's file channel under a commit
    }
}
