package io.orderflow.dispatch;

import java.time.Instant;

public record Shipment(String shipmentId, String orderId, String carrier, Instant dispatchedAt) {
}
