package io.orderflow.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.orderflow.app.database.MigratedH2;
import io.orderflow.app.database.Timestamps;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.order.LockedOrder;
import io.orderflow.order.Order;
import io.orderflow.order.OrderState;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.TimelineEntry;
import io.orderflow.order.WaitingEvent;

/** The order repository's SQL against the migrated schema (H2, in memory). */
class JdbcOrderBookTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123Z");

    private final DataSource database = MigratedH2.create();
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final JdbcOrderBook book = new JdbcOrderBook(jdbc, new JdbcTemplate(database));

    @Test
    void anInsertedOrderIsFoundWithItsStatusTotalAndLinesInOrder() {
        List<OrderLine> lines = List.of(new OrderLine("book", 2, new BigDecimal("12.50")),
                new OrderLine("pen", 1, new BigDecimal("1.05")));
        book.insert(new Order("o-1", "c-1", lines, new BigDecimal("26.05"), OrderStatus.CREATED, AT, "corr-1"));

        assertThat(book.find("o-1")).contains(new OrderState("o-1", OrderStatus.CREATED, new BigDecimal("26.05")));
        assertThat(book.lock("o-1")).contains(new LockedOrder(
                new OrderState("o-1", OrderStatus.CREATED, new BigDecimal("26.05")), false));
        assertThat(jdbc.sql("select product_id from order_items where order_id = ? order by line_no")
                .param("o-1").query(String.class).list()).containsExactly("book", "pen");
        assertThat(book.find("o-2")).isEmpty();
        assertThat(book.lock("o-2")).isEmpty();
    }

    @Test
    void aLockedOrderWaitsForTheHoldersCommitAndIsThenReadAsItLeftIt() throws Exception {
        assertALockWaitsUntilTheHolderCommits(() -> {
            book.lock("o-1");
            book.updateStatus("o-1", OrderStatus.PAID, AT);
        });
    }

    @Test
    void anAdvancedOrderIsLockedUntilTheHolderCommits() throws Exception {
        assertALockWaitsUntilTheHolderCommits(() -> book.advance("o-1", OrderStatus.CREATED, OrderStatus.PAID, AT)
                .orElseThrow());
    }

    @Test
    void anAdvanceMovesAnOrderOnlyFromTheGivenStatusAndReturnsItAsItWas() {
        book.insert(new Order("o-1", "c-1", List.of(new OrderLine("p", 1, BigDecimal.TEN)), BigDecimal.TEN,
                OrderStatus.CREATED, AT, null));
        book.addWaiting(new WaitingEvent("o-1", UUID.randomUUID(), OrderStatus.DELIVERED, AT));

        assertThat(book.advance("o-1", OrderStatus.PAID, OrderStatus.DISPATCHED, AT.plusSeconds(1))).isEmpty();
        assertThat(book.find("o-1").orElseThrow().status()).isEqualTo(OrderStatus.CREATED);
        assertThat(book.advance("o-2", OrderStatus.CREATED, OrderStatus.PAID, AT.plusSeconds(1))).isEmpty();

        assertThat(book.advance("o-1", OrderStatus.CREATED, OrderStatus.PAID, AT.plusSeconds(2))).contains(
                new LockedOrder(new OrderState("o-1", OrderStatus.CREATED, new BigDecimal("10.00")), true));
        assertThat(book.find("o-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(jdbc.sql("select updated_at from orders where order_id = ?").param("o-1")
                .query((rs, row) -> Timestamps.read(rs, "updated_at")).single()).isEqualTo(AT.plusSeconds(2));
    }

    /** {@code holder} locks order o-1 (CREATED) and moves it to PAID; a second lock waits for its commit. */
    private void assertALockWaitsUntilTheHolderCommits(Runnable holder) throws Exception {
        book.insert(new Order("o-1", "c-1", List.of(new OrderLine("book", 1, BigDecimal.ONE)), BigDecimal.ONE,
                OrderStatus.CREATED, AT, "corr-1"));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holding = Executors.newSingleThreadExecutor();
        try {
            Future<?> held = holding.submit(() -> transactions.executeWithoutResult(status -> {
                holder.run();
                locked.countDown();
                await(release);
            }));
            await(locked);
            AtomicReference<Thread> waiter = new AtomicReference<>();
            CompletableFuture<LockedOrder> second = CompletableFuture.supplyAsync(() -> {
                waiter.set(Thread.currentThread());
                return transactions.execute(status -> book.lock("o-1").orElseThrow());
            });
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> waiter.get() != null
                    && waiter.get().getState() == Thread.State.TIMED_WAITING);
            assertThat(second).as("waits for the holder's lock").isNotDone();

            release.countDown();
            held.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS).state().status()).isEqualTo(OrderStatus.PAID);
        } finally {
            release.countDown();
            holding.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameOrderIdTwiceIsRefusedByTheDatabase() {
        Order order = new Order("o-1", "c-1", List.of(new OrderLine("p", 1, BigDecimal.ONE)), BigDecimal.ONE,
                OrderStatus.CREATED, AT, null);
        book.insert(order);
        assertThatThrownBy(() -> book.insert(order)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void statusUpdatesAndTimelineEntriesAreStored() {
        book.insert(new Order("o-1", "c-1", List.of(new OrderLine("p", 1, BigDecimal.TEN)), BigDecimal.TEN,
                OrderStatus.CREATED, AT, null));
        UUID late = UUID.randomUUID();
        book.updateStatus("o-1", OrderStatus.PAID, AT.plusSeconds(1));
        book.addTimeline("o-1", new TimelineEntry(OrderStatus.DISPATCHED, AT.plusSeconds(2), "dispatch-events", 2, 41,
                late, false));
        book.markApplied("o-1", late);

        assertThat(book.find("o-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(jdbc.sql("select applied from order_timeline where order_id = ? and event_id = ?")
                .params("o-1", late.toString()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select kafka_offset from order_timeline where order_id = ?")
                .param("o-1").query(Long.class).single()).isEqualTo(41L);
    }

    @Test
    void aTimelineEntryWrittenTwiceKeepsTheFirst() {
        book.insert(new Order("o-1", "c-1", List.of(new OrderLine("p", 1, BigDecimal.TEN)), BigDecimal.TEN,
                OrderStatus.CREATED, AT, null));
        UUID eventId = UUID.randomUUID();
        book.addTimelineIfAbsent(List.of(new OrderTimelineEntry("o-1",
                new TimelineEntry(OrderStatus.CREATED, AT, "order-events", 0, 7, eventId, true))));
        book.addTimelineIfAbsent(List.of(
                new OrderTimelineEntry("o-1", new TimelineEntry(OrderStatus.CREATED, AT, "order-events", 1, 99, eventId,
                        true)),
                new OrderTimelineEntry("o-1", new TimelineEntry(OrderStatus.CREATED, AT, "order-events", 2, 5, eventId,
                        true))));

        assertThat(jdbc.sql("select kafka_partition, kafka_offset from order_timeline where order_id = ?")
                .param("o-1").query((rs, row) -> rs.getInt(1) + "/" + rs.getLong(2)).list()).containsExactly("0/7");
    }

    @Test
    void waitingEventsComeBackInTimeOrderUntilSettledAndTheLockSaysWhetherAnyWait() {
        book.insert(new Order("o-1", "c-1", List.of(new OrderLine("p", 1, BigDecimal.TEN)), BigDecimal.TEN,
                OrderStatus.CREATED, AT, null));
        WaitingEvent delivered = new WaitingEvent("o-1", UUID.randomUUID(), OrderStatus.DELIVERED, AT.plusSeconds(5));
        WaitingEvent dispatched = new WaitingEvent("o-1", UUID.randomUUID(), OrderStatus.DISPATCHED, AT.plusSeconds(3));
        book.addWaiting(delivered);
        book.addWaiting(dispatched);

        assertThat(book.waiting("o-1")).containsExactly(dispatched, delivered);
        assertThat(book.lock("o-1").orElseThrow().hasWaiting()).isTrue();

        book.settleWaiting("o-1", dispatched.eventId(), null);
        assertThat(book.lock("o-1").orElseThrow().hasWaiting()).isTrue();
        book.settleWaiting("o-1", delivered.eventId(), "overtaken by history");
        assertThat(book.waiting("o-1")).isEmpty();
        assertThat(book.lock("o-1").orElseThrow().hasWaiting()).isFalse();
        assertThat(jdbc.sql("select rejected_cause from order_pending_events where event_id = ?")
                .param(delivered.eventId().toString()).query(String.class).single()).isEqualTo("overtaken by history");
    }
}
