package io.orderflow.app.order;

import static io.orderflow.app.stage.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.order.Order;
import io.orderflow.order.OrderBook;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.TimelineEntry;

@Repository
public class JdbcOrderBook implements OrderBook {

    private final JdbcClient jdbc;

    public JdbcOrderBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
    public Optional<OrderStatus> lockStatus(String orderId) {
        return jdbc.sql("select status from orders where order_id = ? for update")
                .param(orderId)
                .query((rs, row) -> OrderStatus.valueOf(rs.getString(1)))
                .optional();
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

    /** For an entry that may be written twice (a record the relay sent again): the first one stays. */
    void addTimelineIfAbsent(String orderId, TimelineEntry entry) {
        jdbc.sql("""
                insert into order_timeline (order_id, event_id, status, at, topic, kafka_partition, kafka_offset, applied)
                select ?, ?, ?, ?, ?, ?, ?, ? where not exists
                    (select 1 from order_timeline where order_id = ? and event_id = ?)""")
                .params(orderId, entry.eventId().toString(), entry.status().name(), utc(entry.at()), entry.topic(),
                        entry.partition(), entry.offset(), entry.applied(), orderId, entry.eventId().toString())
                .update();
    }
}
