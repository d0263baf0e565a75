package io.orderflow.console.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The app's view of one order: its status and the events that moved it there. */
public record OrderDetails(String orderId, String customerId, String cartId, List<JsonNode> items, BigDecimal total,
                           String status, List<TimelineEntry> timeline) {

    public record TimelineEntry(String status, String at, String topic, Integer partition, Long offset) {
    }
}
