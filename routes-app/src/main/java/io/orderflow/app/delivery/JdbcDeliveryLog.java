package io.orderflow.app.delivery;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.delivery.Delivery;
import io.orderflow.delivery.DeliveryLog;

@Repository
public class JdbcDeliveryLog implements DeliveryLog {

    private final JdbcClient jdbc;

    public JdbcDeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Like the payment ledger's: the insert checks for the order's delivery, the primary key backs it. */
    @Override
    public Optional<Delivery> recordFirst(Delivery delivery) {
        int inserted = jdbc.sql("""
                insert into deliveries (order_id, shipment_id, carrier, delivered_at)
                select ?, ?, ?, ? where not exists (select 1 from deliveries where order_id = ?)""")
                .params(delivery.orderId(), delivery.shipmentId(), delivery.carrier(), utc(delivery.deliveredAt()),
                        delivery.orderId())
                .update();
        return inserted == 1 ? Optional.empty() : Optional.of(forOrder(delivery.orderId()).orElseThrow());
    }

    @Override
    public Optional<Delivery> forOrder(String orderId) {
        return jdbc.sql("select shipment_id, carrier, delivered_at from deliveries where order_id = ?")
                .param(orderId)
                .query((rs, row) -> new Delivery(orderId, rs.getString("shipment_id"), rs.getString("carrier"),
                        read(rs, "delivered_at")))
                .optional();
    }
}
