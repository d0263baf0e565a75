package io.orderflow.app.dispatch;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.dispatch.Shipment;
import io.orderflow.dispatch.ShipmentRegistry;

@Repository
public class JdbcShipmentRegistry implements ShipmentRegistry {

    private final JdbcClient jdbc;

    public JdbcShipmentRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Like the payment ledger's: the insert checks for the order's shipment, the unique order_id backs it. */
    @Override
    public Optional<Shipment> recordFirst(Shipment shipment) {
        int inserted = jdbc.sql("""
                insert into shipments (shipment_id, order_id, carrier, dispatched_at)
                select ?, ?, ?, ? where not exists (select 1 from shipments where order_id = ?)""")
                .params(shipment.shipmentId(), shipment.orderId(), shipment.carrier(), utc(shipment.dispatchedAt()),
                        shipment.orderId())
                .update();
        return inserted == 1 ? Optional.empty() : Optional.of(forOrder(shipment.orderId()).orElseThrow());
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
