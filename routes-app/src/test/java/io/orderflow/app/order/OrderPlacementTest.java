package io.orderflow.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.app.OrderflowProperties;
import io.orderflow.event.EventCodec;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.order.LockedOrder;
import io.orderflow.order.Order;
import io.orderflow.order.OrderBook;
import io.orderflow.order.OrderCreation;
import io.orderflow.order.OrderState;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.WaitingEvent;
import io.orderflow.order.TimelineEntry;

/**
 * The group commit's queue without a database or broker: the first order holds the writer (its insert waits for
 * {@link #release}), so the next ones queue behind it and form one group.
 */
class OrderPlacementTest {

    private static final List<OrderLine> LINES = List.of(new OrderLine("p", 1, new BigDecimal("1.00")));

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch writerHeld = new CountDownLatch(1);
    private final List<String> inserted = new CopyOnWriteArrayList<>();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // callers of their own: the common pool has a single thread on a 2-core machine
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private OrderPlacement placement;

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
        if (placement != null && placement.isRunning()) {
            placement.stop();
        }
        if (placement != null) {
            placement.destroy();
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWithRetryAfter() throws Exception {
        start(1, Duration.ofSeconds(10));
        CompletableFuture<Order> holder = placeAsync("holder");
        writerHeld.await(5, TimeUnit.SECONDS);
        CompletableFuture<Order> queued = placeAsync("queued");
        awaitQueued(1);

        assertThatThrownBy(() -> placement.place("refused", LINES, "corr"))
                .isInstanceOfSatisfying(PlacementRejectedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));

        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS).customerId()).isEqualTo("holder");
        assertThat(queued.get(5, TimeUnit.SECONDS).customerId()).isEqualTo("queued");
        assertThat(inserted).containsExactly("holder", "queued");
    }

    @Test
    void ordersWaitingWhenStoppingArePlacedAndNewOnesAreRefused() throws Exception {
        start(8, Duration.ofSeconds(10));
        CompletableFuture<Order> holder = placeAsync("holder");
        writerHeld.await(5, TimeUnit.SECONDS);
        CompletableFuture<Order> queued = placeAsync("queued");
        awaitQueued(1);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(placement::stop, callers);
        await(() -> !placement.isRunning());
        assertThatThrownBy(() -> placement.place("late", LINES, "corr"))
                .isInstanceOfSatisfying(PlacementRejectedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));

        release.countDown();
        stopping.get(5, TimeUnit.SECONDS);
        assertThat(holder.get(1, TimeUnit.SECONDS).customerId()).isEqualTo("holder");
        assertThat(queued.get(1, TimeUnit.SECONDS).customerId()).isEqualTo("queued");
        assertThat(inserted).containsExactly("holder", "queued");
    }

    @Test
    void anOrderWaitingTooLongIsWithdrawnUntouchedWhileTheOneBeingPlacedStillGetsItsAnswer() throws Exception {
        start(8, Duration.ofMillis(300));
        CompletableFuture<Order> holder = placeAsync("holder");
        writerHeld.await(5, TimeUnit.SECONDS);

        long started = System.nanoTime();
        assertThatThrownBy(() -> placement.place("impatient", LINES, "corr"))
                .isInstanceOf(PlacementRejectedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(registry.get("orderflow.order.placement.queued").gauge().value()).isZero();

        Thread.sleep(400); // the holder is now past its timeout too, but the writer has it: it must not give up
        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS).customerId()).isEqualTo("holder");
        assertThat(inserted).containsExactly("holder");
    }

    @Test
    void aFailingGroupIsPlacedAgainOneByOneSoOnlyTheBadOrderFails() throws Exception {
        start(8, Duration.ofSeconds(10));
        CompletableFuture<Order> holder = placeAsync("holder");
        writerHeld.await(5, TimeUnit.SECONDS);
        var first = placeAsync("good-1");
        awaitQueued(1);
        var bad = placeAsync("bad");
        awaitQueued(2);
        var second = placeAsync("good-2");
        awaitQueued(3);

        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.CREATED);
        assertThat(first.get(5, TimeUnit.SECONDS).customerId()).isEqualTo("good-1");
        assertThat(second.get(5, TimeUnit.SECONDS).customerId()).isEqualTo("good-2");
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("value too long: bad");

        var sizes = registry.get("orderflow.order.placement.group.size").summary();
        assertThat(sizes.count()).as("holder, the group of three, then each of them alone").isEqualTo(5);
        assertThat(sizes.totalAmount()).isEqualTo(1 + 3 + 3);
        assertThat(registry.get("orderflow.order.placement.fallbacks").counter().count()).isEqualTo(1);
        assertThat(rollbacks.get()).as("the group and the bad order alone").isEqualTo(2);
        assertThat(commits.get()).as("holder, good-1, good-2").isEqualTo(3);
    }

    @Test
    void refusesOrdersBeforeItStarted() {
        placement = placement(8, 8, Duration.ofSeconds(1));
        assertThatThrownBy(() -> placement.place("early", LINES, "corr"))
                .isInstanceOf(PlacementRejectedException.class);
    }

    private void start(int queueCapacity, Duration timeout) {
        placement = placement(64, queueCapacity, timeout);
        placement.start();
    }

    private OrderPlacement placement(int maxGroupSize, int queueCapacity, Duration timeout) {
        EventPublisher publisher = new EventPublisher(record -> { }, new EventCodec());
        OrderBook book = new OrderBook() {
            @Override
            public void insert(Order order) {
                if (order.customerId().equals("holder")) {
                    writerHeld.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (order.customerId().equals("bad")) {
                    throw new IllegalStateException("value too long: bad");
                }
                inserted.add(order.customerId());
            }

            @Override
            public Optional<OrderState> find(String orderId) {
                return Optional.empty();
            }

            @Override
            public Optional<LockedOrder> lock(String orderId) {
                return Optional.empty();
            }

            @Override
            public Optional<LockedOrder> advance(String orderId, OrderStatus from, OrderStatus to, Instant at) {
                return Optional.empty();
            }

            @Override
            public void markApplied(String orderId, UUID eventId) {
            }

            @Override
            public void addWaiting(WaitingEvent event) {
            }

            @Override
            public List<WaitingEvent> waiting(String orderId) {
                return List.of();
            }

            @Override
            public void settleWaiting(String orderId, UUID eventId, String rejectedCause) {
            }

            @Override
            public void updateStatus(String orderId, OrderStatus status, Instant at) {
            }

            @Override
            public void addTimeline(String orderId, TimelineEntry entry) {
            }
        };
        PlatformTransactionManager transactions = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                return new SimpleTransactionStatus();
            }

            @Override
            public void commit(TransactionStatus status) {
                commits.incrementAndGet();
            }

            @Override
            public void rollback(TransactionStatus status) {
                rollbacks.incrementAndGet();
            }
        };
        OrderflowProperties properties = new OrderflowProperties(null, null, null, null, Map.of(), null, null,
                null, null, new OrderflowProperties.Placement(maxGroupSize, queueCapacity, timeout), null, null, null);
        return new OrderPlacement(new OrderCreation(book, publisher, new EventCodec()), transactions,
                properties, registry);
    }

    private CompletableFuture<Order> placeAsync(String customerId) {
        return CompletableFuture.supplyAsync(() -> placement.place(customerId, LINES, "corr-" + customerId),
                callers);
    }

    private void awaitQueued(int count) {
        await(() -> registry.get("orderflow.order.placement.queued").gauge().value() == count);
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(5)).until(condition);
    }
}
