package io.orderflow.app.dispatch;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.app.database.OnePerOrderInsert;
import io.orderflow.dispatch.Shipment;
import io.orderflow.dispatch.ShipmentRegistry;

@Repository
public class JdbcShipmentRegistry implements ShipmentRegistry {

    private final JdbcClient jdbc;
    private final OnePerOrderInsert firstShipment;

    public JdbcShipmentRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.firstShipment = new OnePerOrderInsert(jdbc, "shipments", "shipment_id", "order_id", "carrier",
                "dispatched_at");
    }

    @Override
    public Optional<Shipment> recordFirst(Shipment shipment) {
        return firstShipment.insertFirst(shipment.orderId(), this::forOrder, shipment.shipmentId(),
                shipment.orderId(), shipment.carrier(), utc(shipment.dispatchedAt()));
    }

    @Override
    public Optional<Shipment> forOrder(String orderId) {
        return jdbc.sql("select shipment_id, carrier, dispatched_at from shipments where order_id = ?")
                .param(orderId)
                .query((rs, row) -> new Shipment(rs.getString("shipment_id"), orderId, rs.getString("carrier"),
                        read(rs, "dispatched_at")))
                .optional();
    }
}
