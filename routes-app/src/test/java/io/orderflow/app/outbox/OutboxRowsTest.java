package io.orderflow.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.app.database.MigratedH2;

class OutboxRowsTest {

    private final DataSource database = MigratedH2.create();
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final OutboxHeaders headers = new OutboxHeaders(new ObjectMapper());
    private final List<List<PublishedRecord>> told = new ArrayList<>();
    private final OutboxRows rows = new OutboxRows(jdbc, new JdbcTemplate(database), headers,
            new TransactionTemplate(new DataSourceTransactionManager(database)), List.of(told::add),
            Clock.systemUTC());

    @Test
    void publishedRowsAreRemovedAndTheListenersToldOnceInOutboxOrder() {
        List<OutboxRow> waiting = write("a", "b", "c");
        // another relay whose lease ran out published "b" as well, and removed its row first
        jdbc.sql("delete from outbox where id = ?").param(waiting.get(1).id()).update();
        Map<OutboxRow, RecordMetadata> acknowledged = new LinkedHashMap<>();
        waiting.forEach(row -> acknowledged.put(row, landedAt(row.id())));

        rows.published(acknowledged);

        assertThat(told).hasSize(1);
        assertThat(told.get(0)).extracting(published -> new String(published.record().value(), StandardCharsets.UTF_8))
                .containsExactly("a", "c");
        assertThat(told.get(0)).extracting(published -> published.where().offset())
                .containsExactly(waiting.get(0).id(), waiting.get(2).id());
        assertThat(jdbc.sql("select count(*) from outbox").query(Long.class).single()).isZero();
    }

    @Test
    void aRoundWhoseRowsAreAllGoneTellsNobody() {
        List<OutboxRow> waiting = write("a");
        jdbc.sql("delete from outbox").update();

        rows.published(Map.of(waiting.get(0), landedAt(1)));

        assertThat(told).isEmpty();
    }

    @Test
    void rowsWhoseRemovalIsPendingAreLeftOutAndTheLimitCountsTheOthers() {
        List<OutboxRow> waiting = write("a", "b", "c", "d");

        List<OutboxRow> next = rows.next(IntStream.range(0, OutboxShards.COUNT).boxed().toList(), 2,
                Set.of(waiting.get(0).id(), waiting.get(2).id()));

        assertThat(next).extracting(OutboxRow::id).containsExactly(waiting.get(1).id(), waiting.get(3).id());
    }

    /** A backlog must not slow the relay down: its read stops after the rows it returns, however many wait. */
    @Test
    void theRelaysReadCostsTheSameAtAnyBacklog() {
        int waiting = 5_000;
        jdbc.sql("insert into outbox (shard, topic, payload, headers, created_at) select mod(x, " + OutboxShards.COUNT
                + "), 'order-events', X'00', '[]', current_timestamp from system_range(1, " + waiting + ")").update();
        List<Integer> half = IntStream.range(0, OutboxShards.COUNT / 2).boxed().toList();

        String plan = jdbc.sql("explain analyze " + OutboxRows.nextRowsStatement(half)).param(100)
                .query(String.class).single();

        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        // half the shards: about two rows read per row returned, not the whole backlog
        assertThat(Integer.parseInt(scanned.group(1))).as(plan).isLessThan(300);
        assertThat(rows.next(half, 100, Set.of())).hasSize(100);
    }

    @Test
    void theBacklogCountsWaitingRowsByTopicWithTheOldestAgeAndParkedRowsApart() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        OutboxRows counting = new OutboxRows(jdbc, new JdbcTemplate(database), headers,
                new TransactionTemplate(new DataSourceTransactionManager(database)), List.of(),
                Clock.fixed(now, ZoneOffset.UTC));
        OutboxTestRows.insert(jdbc, "order-events", now.minusSeconds(30), null);
        OutboxTestRows.insert(jdbc, "order-events", now.minusSeconds(5), null);
        OutboxTestRows.insert(jdbc, "order-events", now.minusSeconds(60), "too large");
        OutboxTestRows.insert(jdbc, "payment-events", now.minusSeconds(2), null);
        // a topic with parked rows only has nothing waiting
        OutboxTestRows.insert(jdbc, "dispatch-events", now.minusSeconds(90), "too large");

        OutboxRows.Backlog backlog = counting.backlog();

        assertThat(backlog.depth()).isEqualTo(3);
        assertThat(backlog.parked()).isEqualTo(2);
        assertThat(backlog.oldest()).isEqualTo(Duration.ofSeconds(30));
        assertThat(backlog.byTopic()).containsOnly(
                entry("order-events", new OutboxRows.TopicBacklog(2, Duration.ofSeconds(30))),
                entry("payment-events", new OutboxRows.TopicBacklog(1, Duration.ofSeconds(2))));
    }

    @Test
    void anEmptyOutboxHasNoBacklog() {
        assertThat(rows.backlog()).isEqualTo(new OutboxRows.Backlog(0, 0, Duration.ZERO, Map.of()));
    }

    private List<OutboxRow> write(String... values) {
        for (String value : values) {
            jdbc.sql("insert into outbox (shard, topic, record_key, payload, headers, created_at)"
                            + " values (0, 'order-events', ?, ?, ?, current_timestamp)")
                    .params(value.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                            headers.write(List.of()))
                    .update();
        }
        return rows.next(IntStream.range(0, OutboxShards.COUNT).boxed().toList(), 100, Set.of());
    }

    private static RecordMetadata landedAt(long offset) {
        return new RecordMetadata(new TopicPartition("order-events", 0), offset, 0, 0, 1, 1);
    }
}
