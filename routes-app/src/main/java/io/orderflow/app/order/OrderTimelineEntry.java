package io.orderflow.app.order;

import io.orderflow.order.TimelineEntry;

/** A timeline entry with the order it belongs to, for writing several orders' entries in one batch. */
record OrderTimelineEntry(String orderId, TimelineEntry entry) {
}
