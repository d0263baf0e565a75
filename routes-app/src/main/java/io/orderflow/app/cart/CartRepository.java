package io.orderflow.app.cart;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.order.CheckedOutCarts;

@Repository
public class CartRepository implements CheckedOutCarts {

    private final JdbcClient jdbc;

    public CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CartView> find(String cartId, boolean lock) {
        return jdbc.sql("select cart_id, status, customer_id, order_id, created_at, updated_at from carts"
                        + " where cart_id = ?" + (lock ? " for update" : ""))
                .param(cartId)
                .query((rs, row) -> new CartView(rs.getString("cart_id"), rs.getString("status"),
                        rs.getString("customer_id"), rs.getString("order_id"), items(cartId),
                        read(rs, "created_at"), read(rs, "updated_at")))
                .optional();
    }

    public void create(String cartId, Instant at) {
        jdbc.sql("insert into carts (cart_id, status, created_at, updated_at) values (?, ?, ?, ?)")
                .params(cartId, CartView.OPEN, utc(at), utc(at))
                .update();
    }

    public void addItem(String cartId, int lineNo, OrderLine line, Instant at) {
        jdbc.sql("insert into cart_items (cart_id, line_no, product_id, quantity, price) values (?, ?, ?, ?, ?)")
                .params(cartId, lineNo, line.productId(), line.quantity(), line.price())
                .update();
        touch(cartId, at);
    }

    public void checkOut(String cartId, String customerId, String orderId, Instant at) {
        jdbc.sql("update carts set status = ?, customer_id = ?, order_id = ?, updated_at = ? where cart_id = ?")
                .params(CartView.CHECKED_OUT, customerId, orderId, utc(at), cartId)
                .update();
    }

    private void touch(String cartId, Instant at) {
        jdbc.sql("update carts set updated_at = ? where cart_id = ?").params(utc(at), cartId).update();
    }

    private List<OrderLine> items(String cartId) {
        return jdbc.sql("select product_id, quantity, price from cart_items where cart_id = ? order by line_no")
                .param(cartId)
                .query((rs, row) -> new OrderLine(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)))
                .list();
    }

    @Override
    public Optional<String> orderOf(String cartId) {
        return jdbc.sql("select order_id from carts where cart_id = ? and status = ?")
                .params(cartId, CartView.CHECKED_OUT)
                .query((rs, row) -> rs.getString(1))
                .optional();
    }
}
