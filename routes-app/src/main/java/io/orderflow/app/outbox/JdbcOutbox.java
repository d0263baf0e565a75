package io.orderflow.app.outbox;

import static io.orderflow.app.database.Timestamps.utc;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.orderflow.outbox.Outbox;
import io.orderflow.outbox.OutboxRecord;

/**
 * The outbox as a table in the application's database. A record added here is part of the caller's transaction;
 * when that transaction commits, the relay is woken to publish it at once (its backstop sweep finds it otherwise).
 */
@Repository
public class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;
    private final OutboxHeaders headers;
    private final Clock clock;
    private final OutboxRelay relay;

    JdbcOutbox(JdbcClient jdbc, OutboxHeaders headers, Clock clock, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.headers = headers;
        this.clock = clock;
        this.relay = relay;
    }

    @Override
    public void add(OutboxRecord record) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // an event without the transaction of its change is exactly what the outbox exists to prevent
            throw new IllegalStateException("an outbox record must be added inside the transaction of its change");
        }
        jdbc.sql("""
                insert into outbox (shard, topic, kafka_partition, record_key, payload, headers, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(OutboxShards.of(record.key(), record.topic()), record.topic(), record.partition(),
                        record.key(), record.value(), headers.write(record.headers()), utc(clock.instant()))
                .update();
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return; // this transaction wakes the relay already
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(JdbcOutbox.this);
                if (status == STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
