package io.orderflow.app.outbox;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.orderflow.outbox.OutboxRecord;

/** A record the broker acknowledged and whose outbox row this relay removed, with where it landed. */
public record PublishedRecord(OutboxRecord record, RecordMetadata where) {
}
