package io.orderflow.console.trace;

import java.util.List;

/**
 * Every event found for one order in time order, with how much was read to find them. {@code complete} is false
 * when the scan stopped at its time or event budget before reaching the end of every partition.
 */
public record OrderTrace(String orderId, List<TraceHop> hops, long recordsScanned, boolean complete, long tookMillis) {
}
