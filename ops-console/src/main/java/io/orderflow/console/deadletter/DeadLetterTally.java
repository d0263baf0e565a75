package io.orderflow.console.deadletter;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.orderflow.console.api.DeadLetterSummary;
import io.orderflow.console.ui.Format;

/**
 * How many records each consumer group has dead-lettered (all time, as the app's dead-letter index counts them) and
 * when its latest one failed.
 */
public record DeadLetterTally(Map<String, Long> countByGroup, Map<String, Instant> latestByGroup) {

    public static DeadLetterTally of(DeadLetterSummary summary) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Instant> latest = new HashMap<>();
        for (DeadLetterSummary.ByConsumerGroup group : summary.byConsumerGroup()) {
            counts.put(group.consumerGroup(), group.total());
            Instant at = Format.parseInstant(group.lastFailedAt());
            if (at != null) {
                latest.put(group.consumerGroup(), at);
            }
        }
        return new DeadLetterTally(Map.copyOf(counts), Map.copyOf(latest));
    }

    public long count(String group) {
        return countByGroup.getOrDefault(group, 0L);
    }

    public boolean failedSince(String group, Instant since) {
        Instant latest = latestByGroup.get(group);
        return latest != null && latest.isAfter(since);
    }
}
