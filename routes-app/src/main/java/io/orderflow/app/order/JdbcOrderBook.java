package io.orderflow.app.order;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.order.LockedOrder;
import io.orderflow.order.Order;
import io.orderflow.order.OrderBook;
import io.orderflow.order.OrderState;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.TimelineEntry;
import io.orderflow.order.WaitingEvent;

@Repository
public class JdbcOrderBook implements OrderBook {

    private static final String LOCKED_READ = """
            select status, total,
                exists (select 1 from order_pending_events p where p.order_id = o.order_id and p.settled = false)
            from orders o where order_id = ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private volatile Boolean lockByUpdate;

    public JdbcOrderBook(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public void insert(Order order) {
        jdbc.sql("""
                insert into orders (order_id, customer_id, total, status, created_at, updated_at, correlation_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(order.orderId(), order.customerId(), order.total(), order.status().name(),
                        utc(order.createdAt()), utc(order.createdAt()), order.correlationId())
                .update();
        int line = 0;
        for (OrderLine item : order.items()) {
            jdbc.sql("insert into order_items (order_id, line_no, product_id, quantity, price) values (?, ?, ?, ?, ?)")
                    .params(order.orderId(), line++, item.productId(), item.quantity(), item.price())
                    .update();
        }
    }

    @Override
    public Optional<OrderState> find(String orderId) {
        return jdbc.sql("select status, total from orders where order_id = ?")
                .param(orderId)
                .query((rs, row) -> new OrderState(orderId, OrderStatus.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
                .optional();
    }

    /**
     * Locks the order's row for the rest of the transaction and reads it. H2 parses a {@code select ... for update}
     * again on every call (its query cache leaves such statements out), and the order stage locks an order for
     * each of three events per order: the parsing was 14 % of the order stage's thread at saturation (JFR). So on
     * H2 an update that changes nothing takes the lock and a cached select reads the row. PostgreSQL keeps its
     * prepared statements per connection, and its {@code for update} writes no new row version.
     */
    @Override
    public Optional<LockedOrder> lock(String orderId) {
        if (lockByUpdate()) {
            if (jdbc.sql("update orders set updated_at = updated_at where order_id = ?").param(orderId).update() == 0) {
                return Optional.empty();
            }
            return readForLock(LOCKED_READ, orderId);
        }
        return readForLock(LOCKED_READ + " for update", orderId);
    }

    @Override
    public Optional<LockedOrder> advance(String orderId, OrderStatus from, OrderStatus to, Instant at) {
        if (jdbc.sql("update orders set status = ?, updated_at = ? where order_id = ? and status = ?")
                .params(to.name(), utc(at), orderId, from.name())
                .update() == 0) {
            return Optional.empty();
        }
        return readForLock(LOCKED_READ, orderId).map(moved -> new LockedOrder(
                new OrderState(orderId, from, moved.state().total()), moved.hasWaiting()));
    }

    private Optional<LockedOrder> readForLock(String sql, String orderId) {
        return jdbc.sql(sql)
                .param(orderId)
                .query((rs, row) -> new LockedOrder(
                        new OrderState(orderId, OrderStatus.valueOf(rs.getString(1)), rs.getBigDecimal(2)),
                        rs.getBoolean(3)))
                .optional();
    }

    /** Asked on first use rather than at construction: the application starts before its database is up. */
    private boolean lockByUpdate() {
        Boolean byUpdate = lockByUpdate;
        if (byUpdate == null) {
            byUpdate = batch.execute((ConnectionCallback<Boolean>) connection ->
                    "H2".equals(connection.getMetaData().getDatabaseProductName()));
            lockByUpdate = byUpdate;
        }
        return byUpdate;
    }

    @Override
    public void updateStatus(String orderId, OrderStatus status, Instant at) {
        jdbc.sql("update orders set status = ?, updated_at = ? where order_id = ?")
                .params(status.name(), utc(at), orderId)
                .update();
    }

    @Override
    public void addTimeline(String orderId, TimelineEntry entry) {
        jdbc.sql("""
                insert into order_timeline (order_id, event_id, status, at, topic, kafka_partition, kafka_offset, applied)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, entry.eventId().toString(), entry.status().name(), utc(entry.at()), entry.topic(),
                        entry.partition(), entry.offset(), entry.applied())
                .update();
    }

    @Override
    public void markApplied(String orderId, UUID eventId) {
        jdbc.sql("update order_timeline set applied = true where order_id = ? and event_id = ?")
                .params(orderId, eventId.toString())
                .update();
    }

    @Override
    public void addWaiting(WaitingEvent event) {
        jdbc.sql("""
                insert into order_pending_events (order_id, event_id, status, at, settled) values (?, ?, ?, ?, false)""")
                .params(event.orderId(), event.eventId().toString(), event.target().name(), utc(event.at()))
                .update();
    }

    @Override
    public List<WaitingEvent> waiting(String orderId) {
        return jdbc.sql("""
                select event_id, status, at from order_pending_events where order_id = ? and settled = false
                order by at, event_id""")
                .param(orderId)
                .query((rs, row) -> new WaitingEvent(orderId, UUID.fromString(rs.getString("event_id")),
                        OrderStatus.valueOf(rs.getString("status")),
                        read(rs, "at")))
                .list();
    }

    @Override
    public void settleWaiting(String orderId, UUID eventId, String rejectedCause) {
        jdbc.sql("update order_pending_events set settled = true, rejected_cause = ? where order_id = ? and event_id = ?")
                .params(rejectedCause, orderId, eventId.toString())
                .update();
    }

    /**
     * The entries whose order has none for the same event yet, as one JDBC batch (the relay's publish round): an
     * entry may come twice (a record the relay sent again), and the first one stays.
     */
    void addTimelineIfAbsent(List<OrderTimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into order_timeline (order_id, event_id, status, at, topic, kafka_partition, kafka_offset, applied)
                select ?, ?, ?, ?, ?, ?, ?, ? where not exists
                    (select 1 from order_timeline where order_id = ? and event_id = ?)""",
                entries, entries.size(), (statement, timeline) -> {
                    TimelineEntry entry = timeline.entry();
                    String eventId = entry.eventId().toString();
                    statement.setString(1, timeline.orderId());
                    statement.setString(2, eventId);
                    statement.setString(3, entry.status().name());
                    statement.setObject(4, utc(entry.at()));
                    statement.setString(5, entry.topic());
                    statement.setInt(6, entry.partition());
                    statement.setLong(7, entry.offset());
                    statement.setBoolean(8, entry.applied());
                    statement.setString(9, timeline.orderId());
                    statement.setString(10, eventId);
                });
    }
}
