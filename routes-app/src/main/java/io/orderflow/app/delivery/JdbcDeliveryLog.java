package io.orderflow.app.delivery;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.app.database.OnePerOrderInsert;
import io.orderflow.delivery.Delivery;
import io.orderflow.delivery.DeliveryLog;

@Repository
public class JdbcDeliveryLog implements DeliveryLog {

    private final JdbcClient jdbc;
    private final OnePerOrderInsert firstDelivery;

    public JdbcDeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.firstDelivery = new OnePerOrderInsert(jdbc, "deliveries", "order_id", "shipment_id", "carrier",
                "delivered_at");
    }

    @Override
    public Optional<Delivery> recordFirst(Delivery delivery) {
        return firstDelivery.insertFirst(delivery.orderId(), this::forOrder, delivery.orderId(),
                delivery.shipmentId(), delivery.carrier(), utc(delivery.deliveredAt()));
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
