package io.orderflow.app.outbox;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.orderflow.outbox.OutboxRecord;

/**
 * Told about each record the broker acknowledged, inside the transaction that removes its row from the outbox: what
 * depends on where a record landed (an order's timeline points at its OrderCreated record) is written then, once.
 */
@FunctionalInterface
public interface PublishedListener {

    void published(OutboxRecord record, RecordMetadata where);
}
