package io.orderflow.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.app.ManualClock;
import io.orderflow.app.database.MigratedH2;
import io.orderflow.outbox.OutboxRecord;

/** The relay against a real database and a mock producer that acknowledges every send at once. */
class OutboxRelayTest {

    private static final Duration REMOVAL_INTERVAL = Duration.ofMillis(100);

    private final DataSource database = MigratedH2.create();
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
    private final OutboxHeaders headers = new OutboxHeaders(new ObjectMapper());
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final List<List<String>> told = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNextRemoval = new AtomicBoolean();
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, new ByteArraySerializer(), new ByteArraySerializer());
    // no sweeps: a round runs when the test wakes the relay, or when a removal falls due
    private OutboxRelay relay = relay(Duration.ofHours(1), REMOVAL_INTERVAL);

    @AfterEach
    void stopRelay() {
        if (relay.isRunning()) {
            relay.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void acknowledgedRowsAreRemovedTogetherOnceTheRemovalIntervalIsOverAndAreNotSentAgainMeanwhile() {
        relay.start();
        add("payment-events", "a", "b", "c");
        awaitSent("a", "b", "c");
        assertThat(rowsLeft()).as("acknowledged, removal pending").isEqualTo(3);

        add("payment-events", "d");
        // a round that sent the pending rows again would have sent a, b or c before d
        awaitSent("a", "b", "c", "d");

        awaitRemovalsDue();
        assertThat(told).containsExactly(List.of("a", "b", "c", "d"));
        assertThat(sent()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aRecordAListenerAwaitsIsRemovedAndToldInTheRoundThatPublishedIt() {
        relay.start();
        add("payment-events", "a");
        awaitSent("a");

        add("order-events", "created");
        await().atMost(10, TimeUnit.SECONDS).until(() -> rowsLeft() == 0);
        assertThat(told).containsExactly(List.of("a", "created"));
    }

    @Test
    void rowsWhoseRemovalFailedAreSentAgain() {
        relay.start();
        add("payment-events", "a");
        awaitSent("a");

        failNextRemoval.set(true);
        awaitRemovalsDue();
        assertThat(sent()).containsExactly("a", "a");
        assertThat(told).containsExactly(List.of("a"));
    }

    @Test
    void aStoppingRelayRemovesWhatItPublished() {
        relay.start();
        add("payment-events", "a", "b");
        awaitSent("a", "b");

        relay.stop(Duration.ofSeconds(10));

        assertThat(rowsLeft()).isZero();
        assertThat(told).containsExactly(List.of("a", "b"));
    }

    @Test
    void aRelayAboutToRenewItsLeasesRemovesWhatItPublishedFirst() {
        relay = relay(Duration.ofMinutes(1), Duration.ofHours(1));
        relay.start();
        add("payment-events", "a");
        awaitSent("a");

        // renewal due, removal not: the leases may give a shard back, and its next relay must not send "a" again
        clock.advance(Duration.ofMinutes(1));
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).until(() -> {
            relay.wake();
            return rowsLeft() == 0;
        });
        assertThat(told).containsExactly(List.of("a"));
    }

    @Test
    void theBacklogIsCountedAgainAndAgainWhileTheRelayRuns() {
        OutboxTestRows.insert(jdbc, "order-events", clock.instant(), "too large");
        relay.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> relay.status().backlog().parked() == 1);

        OutboxTestRows.insert(jdbc, "order-events", clock.instant(), "unknown topic");
        await().atMost(10, TimeUnit.SECONDS).until(() -> relay.status().backlog().parked() == 2);
    }

    @Test
    void aCountThatTakesLongerWaitsLongerForTheNext() {
        assertThat(OutboxRelay.nextBacklogCount(Duration.ofMillis(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxRelay.nextBacklogCount(Duration.ofMillis(50))).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxRelay.nextBacklogCount(Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(4));
    }

    private OutboxRelay relay(Duration renewInterval, Duration removalInterval) {
        return new OutboxRelay(
                new OutboxRows(jdbc, new JdbcTemplate(database), headers, transactions, List.of(new Listener()),
                        clock),
                new ShardLeases(jdbc, transactions, clock, "test-relay", Duration.ofHours(10),
                        new LiveInstances(jdbc, clock, Duration.ofHours(10))),
                producer, clock,
                new OutboxRelay.Settings(Duration.ofHours(1), 500, Duration.ofSeconds(5), renewInterval,
                        removalInterval));
    }

    private void add(String topic, String... values) {
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            jdbc.sql("insert into outbox (shard, topic, record_key, payload, headers, created_at)"
                            + " values (?, ?, ?, ?, ?, current_timestamp)")
                    .params(OutboxShards.of(bytes, topic), topic, bytes, bytes, headers.write(List.of()))
                    .update();
        }
        relay.wake();
    }

    /** Moves the clock on until the relay removed every row: a round may be adding rows while the clock moves. */
    private void awaitRemovalsDue() {
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).until(() -> {
            clock.advance(REMOVAL_INTERVAL);
            relay.wake();
            return rowsLeft() == 0;
        });
    }

    private void awaitSent(String... values) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> sent().size() >= values.length);
        assertThat(sent()).containsExactly(values);
    }

    private List<String> sent() {
        return producer.history().stream().map(ProducerRecord::value)
                .map(value -> new String(value, StandardCharsets.UTF_8)).toList();
    }

    private long rowsLeft() {
        return jdbc.sql("select count(*) from outbox").query(Long.class).single();
    }

    /** Awaits what lands on order-events, as the CREATED timeline does; fails one removal when told to. */
    private final class Listener implements PublishedListener {
        @Override
        public void published(List<PublishedRecord> records) {
            if (failNextRemoval.compareAndSet(true, false)) {
                throw new IllegalStateException("removal failed (test)");
            }
            told.add(records.stream().map(r -> new String(r.record().value(), StandardCharsets.UTF_8)).toList());
        }

        @Override
        public boolean awaits(OutboxRecord record) {
            return record.topic().equals("order-events");
        }
    }
}
