package io.orderflow.delivery;

import java.time.Instant;

public record Delivery(String orderId, String shipmentId, String carrier, Instant deliveredAt) {
}
