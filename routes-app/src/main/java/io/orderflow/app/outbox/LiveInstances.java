package io.orderflow.app.outbox;

import static io.orderflow.app.database.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many application instances share the database right now: those whose outbox relay said it was alive within
 * the lease time ({@code orderflow.outbox.lease-ttl}). Never less than one, the instance asking.
 */
public final class LiveInstances {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    LiveInstances(JdbcClient jdbc, Clock clock, Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    public long count() {
        return countAt(clock.instant());
    }

    long countAt(Instant now) {
        long live = jdbc.sql("select count(*) from outbox_relay where seen_at > ?").param(utc(now.minus(ttl)))
                .query(Long.class).single();
        return Math.max(1, live);
    }
}
