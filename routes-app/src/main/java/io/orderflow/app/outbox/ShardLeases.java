package io.orderflow.app.outbox;

import static io.orderflow.app.database.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which outbox shards this relay may publish. Several application instances share one database: each takes a fair
 * share of the shards ({@code ceil(shards / live relays)}) as leases that it renews, gives back what is over its
 * share when another relay appears, and takes over the shards of a relay whose lease ran out (crashed). One relay
 * per shard at a time keeps each order's records in the order they were written.
 * <p>
 * Lease times come from this instance's clock; instances are assumed to agree on the time to well under the
 * lease's length, as NTP keeps them. If a paused relay still sends after its lease ran out, its records go out
 * twice, never out of order for the first copy, and consumers ignore the second by event id.
 */
final class ShardLeases {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String owner;
    private final Duration ttl;
    private final LiveInstances live;
    private final Set<Integer> mine = new TreeSet<>();

    ShardLeases(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, String owner, Duration ttl,
                LiveInstances live) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.owner = owner;
        this.ttl = ttl;
        this.live = live;
    }

    /** The shards this relay holds after the last {@link #renew}. */
    Set<Integer> owned() {
        return Set.copyOf(mine);
    }

    /** Says this relay is alive, renews its leases, and evens out the shards between the live relays. */
    void renew() {
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        transactions.executeWithoutResult(status -> heartbeat(now));
        int fairShare = (int) Math.ceil(OutboxShards.COUNT / (double) live.countAt(now));
        jdbc.sql("update outbox_lease set expires_at = ? where owner = ?").params(utc(until), owner).update();
        mine.clear();
        mine.addAll(jdbc.sql("select shard from outbox_lease where owner = ? order by shard").param(owner)
                .query(Integer.class).list());
        List<Integer> over = new ArrayList<>(mine).subList(Math.min(fairShare, mine.size()), mine.size());
        for (Integer shard : List.copyOf(over)) {
            jdbc.sql("update outbox_lease set owner = null, expires_at = null where shard = ? and owner = ?")
                    .params(shard, owner).update();
            mine.remove(shard);
        }
        if (mine.size() < fairShare) {
            List<Integer> free = jdbc.sql("select shard from outbox_lease where owner is null or expires_at < ?"
                    + " order by shard").param(utc(now)).query(Integer.class).list();
            for (Integer shard : free) {
                if (mine.size() >= fairShare) {
                    break;
                }
                int taken = jdbc.sql("update outbox_lease set owner = ?, expires_at = ?"
                                + " where shard = ? and (owner is null or expires_at < ?)")
                        .params(owner, utc(until), shard, utc(now)).update();
                if (taken == 1) {
                    mine.add(shard);
                }
            }
        }
    }

    /** Gives every shard back at once, so the other relays need not wait for the leases to run out. */
    void releaseAll() {
        jdbc.sql("update outbox_lease set owner = null, expires_at = null where owner = ?").param(owner).update();
        jdbc.sql("delete from outbox_relay where owner = ?").param(owner).update();
        mine.clear();
    }

    private void heartbeat(Instant now) {
        if (jdbc.sql("update outbox_relay set seen_at = ? where owner = ?").params(utc(now), owner).update() == 0) {
            jdbc.sql("insert into outbox_relay (owner, seen_at) values (?, ?)").params(owner, utc(now)).update();
        }
        // relays gone for long are forgotten, so the table does not grow with every restart
        jdbc.sql("delete from outbox_relay where seen_at < ?").param(utc(now.minus(ttl.multipliedBy(10)))).update();
    }
}
