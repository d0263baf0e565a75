package io.orderflow.app.outbox;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.orderflow.app.database.Timestamps;

/** Rows written straight into the outbox table, the way the relay finds them. */
final class OutboxTestRows {

    private OutboxTestRows() {
    }

    /** A row of {@code topic} written at {@code createdAt}; parked then too when {@code parkedReason} is not null. */
    static void insert(JdbcClient jdbc, String topic, Instant createdAt, String parkedReason) {
        jdbc.sql("insert into outbox (shard, topic, payload, headers, created_at, parked_at, parked_reason)"
                        + " values (0, ?, X'00', '[]', ?, ?, ?)")
                .params(topic, Timestamps.utc(createdAt), Timestamps.utc(parkedReason == null ? null : createdAt),
                        parkedReason)
                .update();
    }
}
