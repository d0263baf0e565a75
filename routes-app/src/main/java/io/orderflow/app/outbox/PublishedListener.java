package io.orderflow.app.outbox;

import java.util.List;

import io.orderflow.outbox.OutboxRecord;

/**
 * Told about the records the broker acknowledged, inside the transaction that removes their rows from the outbox:
 * what depends on where a record landed (an order's timeline points at its OrderCreated record) is written then,
 * once. The relay gathers several rounds before it removes their rows (see {@link PendingRemovals}) and tells the
 * listeners of all of them at once, so a listener can write its rows as one JDBC batch.
 */
@FunctionalInterface
public interface PublishedListener {

    /** @param records in the order they were written to the outbox */
    void published(List<PublishedRecord> records);

    /**
     * Whether this listener must hear of the record in the round that published it rather than with the next
     * removal, up to {@link OutboxRelay.Settings#removalInterval()} later: what it writes is read as soon as the
     * record is consumed.
     */
    default boolean awaits(OutboxRecord record) {
        return false;
    }
}
