package io.orderflow.app.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Rows the broker acknowledged that the relay has not removed from the outbox yet, gathered so that one transaction
 * removes several rounds' worth. A relay round follows every commit that wrote outbox rows, so below saturation a
 * round carries a record or two, and removing them at once cost one more database commit (a chunk written on H2, a
 * WAL flush on PostgreSQL) for almost every commit of the stages. The relay's next rounds skip these rows; a row
 * whose removal never comes (the relay died, the removal failed) is sent again by whoever publishes its shard next,
 * and its consumer ignores the duplicate, as after a crash between the acknowledgement and the removal.
 */
final class PendingRemovals {

    private final Map<OutboxRow, RecordMetadata> rows = new LinkedHashMap<>();
    private Instant oldest;

    void add(Map<OutboxRow, RecordMetadata> acknowledged, Instant now) {
        if (acknowledged.isEmpty()) {
            return;
        }
        if (rows.isEmpty()) {
            oldest = now;
        }
        rows.putAll(acknowledged);
    }

    /** The ids of the rows waiting for removal: published, so not to be sent again. */
    Set<Long> ids() {
        return rows.keySet().stream().map(OutboxRow::id).collect(Collectors.toSet());
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int size() {
        return rows.size();
    }

    /** When the first of the rows waiting was acknowledged; undefined while none wait. */
    Instant oldest() {
        return oldest;
    }

    /** Hands over the rows, in the order they were acknowledged, and forgets them. */
    Map<OutboxRow, RecordMetadata> drain() {
        Map<OutboxRow, RecordMetadata> drained = new LinkedHashMap<>(rows);
        rows.clear();
        oldest = null;
        return drained;
    }
}
