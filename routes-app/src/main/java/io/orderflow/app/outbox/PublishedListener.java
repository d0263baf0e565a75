package io.orderflow.app.outbox;

import java.util.List;

/**
 * Told about the records the broker acknowledged, inside the transaction that removes their rows from the outbox:
 * what depends on where a record landed (an order's timeline points at its OrderCreated record) is written then,
 * once. A relay's whole publish round comes at once, so a listener can write its rows as one JDBC batch.
 */
@FunctionalInterface
public interface PublishedListener {

    /** @param records in the order they were written to the outbox */
    void published(List<PublishedRecord> records);
}
