package io.orderflow.app.outbox;

import java.time.Instant;

import io.orderflow.outbox.OutboxRecord;

/** A committed outbox row waiting for the relay. */
record OutboxRow(long id, int shard, OutboxRecord record, Instant createdAt) {
}
