package io.orderflow.app.outbox;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.orderflow.outbox.OutboxRecord;

/** The relay's side of the outbox table: the next rows of its shards, and removing or parking them. */
@Repository
public class OutboxRows {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final OutboxHeaders headers;
    private final TransactionTemplate transactions;
    private final List<PublishedListener> listeners;
    private final Clock clock;

    OutboxRows(JdbcClient jdbc, JdbcTemplate batch, OutboxHeaders headers, TransactionTemplate transactions,
               List<PublishedListener> listeners, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.headers = headers;
        this.transactions = transactions;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * The oldest waiting rows of these shards, in the order they were written, leaving out the rows with the given
     * ids (published, their removal pending). Those are filtered here, not in the statement: a statement whose text
     * changes with every round would be parsed every round.
     */
    List<OutboxRow> next(Collection<Integer> shards, int limit, Set<Long> skip) {
        if (shards.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(nextRowsStatement(shards))
                .param(limit + skip.size())
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    return skip.contains(id) ? null : new OutboxRow(id, rs.getInt("shard"),
                            new OutboxRecord(rs.getString("topic"), (Integer) rs.getObject("kafka_partition"),
                                    rs.getBytes("record_key"), rs.getBytes("payload"),
                                    headers.read(rs.getString("headers"))),
                            read(rs, "created_at"));
                })
                .list().stream()
                .filter(Objects::nonNull)
                .limit(limit)
                .toList();
    }

    /**
     * The relay's read, one parameter: how many rows. The outbox has no index on its shard (V24): the databases read
     * the primary key in id order and stop after that many rows of these shards, so a round costs the same however
     * long the outbox is; with one, H2 read every row of the shards and sorted them.
     */
    static String nextRowsStatement(Collection<Integer> shards) {
        String in = shards.stream().map(String::valueOf).collect(Collectors.joining(","));
        return "select id, shard, topic, kafka_partition, record_key, payload, headers, created_at from outbox"
                + " where parked_at is null and shard in (" + in + ") order by id fetch first ? rows only";
    }

    /** Whether a listener wants to hear of this row's record as soon as the broker acknowledged it. */
    boolean isAwaited(OutboxRow row) {
        for (PublishedListener listener : listeners) {
            if (listener.awaits(row.record())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes acknowledged rows and tells the listeners where each landed, in one transaction. The deletes go as one
     * JDBC batch: one statement per row was, with the CREATED timeline insert, 17 % of the CPU of a REST placement.
     */
    void published(Map<OutboxRow, RecordMetadata> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        List<OutboxRow> rows = new ArrayList<>(acknowledged.keySet());
        transactions.executeWithoutResult(status -> {
            int[] removed = batch.batchUpdate("delete from outbox where id = ?", rows, rows.size(),
                    (statement, row) -> statement.setLong(1, row.id()))[0];
            List<PublishedRecord> ours = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                // 0: another relay published it too (a lease that ran out), and told the listeners; H2 and
                // PostgreSQL count each delete of a batch (a driver that cannot would say -2, taken as removed)
                if (removed[i] != 0) {
                    ours.add(new PublishedRecord(rows.get(i).record(), acknowledged.get(rows.get(i))));
                }
            }
            if (!ours.isEmpty()) {
                listeners.forEach(listener -> listener.published(ours));
            }
        });
    }

    /** Keeps a row the broker refused for good out of the relay's way, with the reason. */
    void park(OutboxRow row, String reason) {
        jdbc.sql("update outbox set parked_at = ?, parked_reason = ? where id = ?")
                .params(utc(clock.instant()), reason.length() > 2000 ? reason.substring(0, 2000) : reason, row.id())
                .update();
    }

    Backlog backlog() {
        Map<String, TopicBacklog> byTopic = new TreeMap<>();
        jdbc.sql("select topic, count(*), min(created_at) from outbox where parked_at is null group by topic")
                .query(rs -> {
                    Instant oldest = read(rs, 3);
                    byTopic.put(rs.getString(1), new TopicBacklog(rs.getLong(2),
                            oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant())));
                });
        long parked = jdbc.sql("select count(*) from outbox where parked_at is not null").query(Long.class).single();
        return new Backlog(byTopic.values().stream().mapToLong(TopicBacklog::depth).sum(), parked,
                byTopic.values().stream().map(TopicBacklog::oldest).max(Duration::compareTo).orElse(Duration.ZERO),
                byTopic);
    }

    /**
     * What waits in the outbox.
     *
     * @param oldest  age of the oldest row waiting to be published (parked ones wait for an operator instead)
     * @param byTopic the same for each topic that has rows waiting
     */
    public record Backlog(long depth, long parked, Duration oldest, Map<String, TopicBacklog> byTopic) {
        static final Backlog EMPTY = new Backlog(0, 0, Duration.ZERO, Map.of());
    }

    public record TopicBacklog(long depth, Duration oldest) {
    }
}
