package io.orderflow.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.database.MigratedH2;
import io.orderflow.app.deadletter.DeadLetterActions.ItemResult;
import io.orderflow.app.deadletter.DeadLetterActions.Outcome;
import io.orderflow.app.deadletter.DeadLetterActions.Result;
import io.orderflow.app.deadletter.DeadLetterStore.Stored;
import io.orderflow.app.metrics.MicrometerReliabilityMetrics;
import io.orderflow.event.EventCodec;

/**
 * The operator's dead-letter actions on the real store and audit (H2 with the migrations), without a broker: the
 * replay verdicts and the loop guard change nothing, a discard resolves, audits and counts once.
 */
class DeadLetterActionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final JdbcClient jdbc = MigratedH2.jdbcClient();
    private final DeadLetterStore store = new DeadLetterStore(jdbc, new EventCodec());
    private final AuditLog audit = new AuditLog(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterActions actions = new DeadLetterActions(store, audit,
            new MicrometerReliabilityMetrics(registry), properties(Map.of("orderflow.dead-letters.replay-limit", "2")),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verdictsApplyTheLoopGuardAndChangeNothing() {
        store.insertIfAbsent(stored(deadLetter(0, 0, DeadLetter.State.PENDING)));
        store.insertIfAbsent(stored(deadLetter(1, 2, DeadLetter.State.PENDING)));
        store.insertIfAbsent(stored(deadLetter(2, 0, DeadLetter.State.REPLAYED)));

        Result result = actions.verdicts(store.byIds(List.of(id(0), id(1), id(2))));

        assertThat(result.requested()).isEqualTo(3);
        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.refused()).isEqualTo(2);
        assertThat(result.results()).extracting(ItemResult::outcome)
                .containsExactly(Outcome.WOULD_REPLAY, Outcome.REFUSED, Outcome.REFUSED);
        assertThat(result.results().get(0).targetTopic()).isEqualTo("payment-events");
        assertThat(result.results().get(1).reason()).startsWith("loop guard: replayed 2 times already (limit 2)");
        assertThat(result.results().get(2).reason()).isEqualTo("already REPLAYED");
        assertThat(store.byIds(List.of(id(0))).get(0).deadLetter().state()).isEqualTo(DeadLetter.State.PENDING);
        assertThat(audit.recent(10)).isEmpty();
    }

    @Test
    void aDiscardResolvesAuditsAndCountsOnceAndIsRefusedTheSecondTime() {
        store.insertIfAbsent(stored(deadLetter(0, 0, DeadLetter.State.PENDING)));

        Result first = actions.discard(store.byIds(List.of(id(0))), "duplicate order, customer refunded", "otto");
        Result second = actions.discard(store.byIds(List.of(id(0))), "again", "ada");

        assertThat(first.accepted()).isEqualTo(1);
        assertThat(second.refused()).isEqualTo(1);
        assertThat(second.results().get(0).reason()).isEqualTo("already DISCARDED");
        DeadLetter resolved = store.byIds(List.of(id(0))).get(0).deadLetter();
        assertThat(resolved.state()).isEqualTo(DeadLetter.State.DISCARDED);
        assertThat(resolved.resolution()).isEqualTo("duplicate order, customer refunded");
        assertThat(resolved.resolvedBy()).isEqualTo("otto");
        assertThat(resolved.resolvedAt()).isEqualTo(NOW);
        assertThat(audit.recent(10)).extracting(AuditLog.Entry::actor, AuditLog.Entry::outcome)
                .containsExactly(tuple("ada", "REFUSED"), tuple("otto", "DISCARDED"));
        assertThat(registry.counter("orderflow.dead.letters.discarded", "topic", "payment-events").count())
                .isEqualTo(1.0);
    }

    @Test
    void theStoreIndexesARecordOnceAndKeepsItsBytes() {
        Stored stored = stored(deadLetter(0, 0, DeadLetter.State.PENDING));
        assertThat(store.insertIfAbsent(stored)).isTrue();
        assertThat(store.insertIfAbsent(stored)).isFalse();

        Stored read = store.byIds(List.of(id(0))).get(0);
        assertThat(read.payload()).isEqualTo(stored.payload());
        assertThat(read.key()).isEqualTo(new byte[] {(byte) 0xff, 0x00, 0x41});
        assertThat(read.headers()).singleElement().satisfies(header -> {
            assertThat(header.name()).isEqualTo("eventType");
            assertThat(header.value()).isEqualTo("PaymentProcessed".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(store.groups()).singleElement().satisfies(group -> {
            assertThat(group.originalTopic()).isEqualTo("payment-events");
            assertThat(group.pending()).isEqualTo(1);
        });
    }

    private static String id(long offset) {
        return DeadLetter.idOf("payment-events.DLT", 0, offset);
    }

    private static DeadLetter deadLetter(long offset, int replayCount, DeadLetter.State state) {
        return new DeadLetter(id(offset), "payment-events.DLT", 0, offset, "payment-events", 1, 40 + offset,
                NOW.minusSeconds(60), "orderflow-order", "order-status", "io.orderflow.event.InvalidEventException",
                "payload.amount must be at least 0", "stack", 1, NOW.minusSeconds(30 - offset), "o-" + offset,
                "o-" + offset, "PaymentProcessed", "{\"type\":\"PaymentProcessed\"}",
                Map.of("eventType", "PaymentProcessed"), replayCount, state, null, null, null);
    }

    private static Stored stored(DeadLetter d) {
        return new Stored(d, d.payload().getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, 0x00, 0x41},
                List.of(new DeadLetterStore.RawHeader("eventType",
                        "PaymentProcessed".getBytes(StandardCharsets.UTF_8))));
    }

    /** The application's settings as Spring Boot binds them, defaults included. */
    private static OrderflowProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("orderflow", OrderflowProperties.class);
    }
}
