package io.orderflow.console.deadletter;

import java.time.Instant;
import java.util.Map;

/**
 * How many records each consumer group has dead-lettered (all time, as the *.DLT topics hold them) and when its
 * latest one failed; read from the DLT headers in Kafka, so it needs no app.
 */
public record DeadLetterTally(Map<String, Long> countByGroup, Map<String, Instant> latestByGroup) {

    public long count(String group) {
        return countByGroup.getOrDefault(group, 0L);
    }

    public boolean failedSince(String group, Instant since) {
        Instant latest = latestByGroup.get(group);
        return latest != null && latest.isAfter(since);
    }
}
