package io.orderflow.console.api;

import java.util.List;

/** {@code GET /api/dead-letters/summary}: counts by source topic and exception, and by consumer group. */
public record DeadLetterSummary(List<DeadLetterGroup> bySource, List<ByConsumerGroup> byConsumerGroup) {

    /** What one consumer group (a stage) dead-lettered, and when its latest one failed. */
    public record ByConsumerGroup(String consumerGroup, long pending, long total, String lastFailedAt) {
    }
}
