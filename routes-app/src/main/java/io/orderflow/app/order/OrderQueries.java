package io.orderflow.app.order;

import static io.orderflow.app.database.Timestamps.read;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.order.OrderStatus;

/** Read side of the orders API. */
@Repository
public class OrderQueries {

    public record Item(String productId, int quantity, BigDecimal price) {
    }

    /** One status event; {@code waiting} marks one read before its prerequisite, not applied yet. */
    public record Step(String status, Instant at, String topic, int partition, long offset, boolean waiting) {
    }

    /** {@code cartId}: the cart the order was checked out from, null for an order placed directly. */
    public record OrderDetails(String orderId, String customerId, String cartId, List<Item> items, BigDecimal total,
                               String status, Instant createdAt, Instant updatedAt, String correlationId,
                               List<Step> timeline) {
    }

    public record OrderSummary(String orderId, String customerId, BigDecimal total, String status,
                               Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    public OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrderDetails> find(String orderId) {
        return jdbc.sql("""
                select order_id, customer_id, total, status, created_at, updated_at, correlation_id,
                       (select min(cart_id) from carts where carts.order_id = orders.order_id) as cart_id
                from orders where order_id = ?""")
                .param(orderId)
                .query((rs, row) -> new OrderDetails(rs.getString("order_id"), rs.getString("customer_id"),
                        rs.getString("cart_id"), items(orderId), rs.getBigDecimal("total"), rs.getString("status"), read(rs, "created_at"),
                        read(rs, "updated_at"), rs.getString("correlation_id"), timeline(orderId)))
                .optional();
    }

    public List<OrderSummary> recent(OrderStatus status, int limit) {
        String where = status == null ? "" : " where status = :status";
        var statement = jdbc.sql("select order_id, customer_id, total, status, created_at, updated_at from orders"
                + where + " order by created_at desc fetch first :limit rows only")
                .param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        return statement.query(this::summary).list();
    }

    public Map<String, Long> countByStatus() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from orders group by status")
                .query(rs -> {
                    counts.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        Map<String, Long> result = new LinkedHashMap<>();
        counts.forEach((status, count) -> result.put(status.name(), count));
        return result;
    }

    private OrderSummary summary(ResultSet rs, int row) throws SQLException {
        return new OrderSummary(rs.getString("order_id"), rs.getString("customer_id"), rs.getBigDecimal("total"),
                rs.getString("status"), read(rs, "created_at"), read(rs, "updated_at"));
    }

    private List<Item> items(String orderId) {
        return jdbc.sql("select product_id, quantity, price from order_items where order_id = ? order by line_no")
                .param(orderId)
                .query((rs, row) -> new Item(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)))
                .list();
    }

    private List<Step> timeline(String orderId) {
        return jdbc.sql("""
                select status, at, topic, kafka_partition, kafka_offset, applied from order_timeline
                where order_id = ? order by at, kafka_offset""")
                .param(orderId)
                .query((rs, row) -> new Step(rs.getString("status"), read(rs, "at"), rs.getString("topic"),
                        rs.getInt("kafka_partition"), rs.getLong("kafka_offset"), !rs.getBoolean("applied")))
                .list();
    }
}
