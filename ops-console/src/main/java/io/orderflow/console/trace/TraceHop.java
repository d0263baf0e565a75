package io.orderflow.console.trace;

import io.orderflow.console.kafka.EventRecord;

/** One event of a traced order and the time since the previous one (null for the first). */
public record TraceHop(EventRecord record, Long sincePreviousMillis) {
}
