package io.orderflow.outbox;

/**
 * Where every record the application emits goes first: a row written in the caller's database transaction, beside
 * the state change it announces. A relay publishes committed rows to Kafka afterwards, so an event is never out
 * before its state is durable, and nothing waits for a broker inside a transaction.
 */
@FunctionalInterface
public interface Outbox {

    /** Adds the record to the caller's transaction; it is published once that transaction commits. */
    void add(OutboxRecord record);
}
