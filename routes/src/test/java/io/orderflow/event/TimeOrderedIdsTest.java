package io.orderflow.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant T = Instant.parse("2026-12-04T10:15:30.123Z");

    @Test
    void aNewIdIsAVersion7UuidThatStartsWithItsMillisecond() {
        UUID id = TimeOrderedIds.next(Clock.fixed(T, ZoneOffset.UTC));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsText() {
        String earlier = TimeOrderedIds.next(Clock.fixed(T, ZoneOffset.UTC)).toString();
        String later = TimeOrderedIds.next(Clock.fixed(T.plusMillis(1), ZoneOffset.UTC)).toString();

        // the database compares the ids as text
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next(clock));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aDerivedIdIsTheSameForTheSameCauseAndName() {
        UUID cause = TimeOrderedIds.next(Clock.fixed(T, ZoneOffset.UTC));

        assertThat(TimeOrderedIds.derived(cause, "payment")).isEqualTo(TimeOrderedIds.derived(cause, "payment"))
                .isNotEqualTo(TimeOrderedIds.derived(cause, "shipment"))
                .isNotEqualTo(TimeOrderedIds.derived(TimeOrderedIds.next(Clock.fixed(T, ZoneOffset.UTC)), "payment"));
    }

    @Test
    void aDerivedIdKeepsItsCausesTimeAndSaysItsLayoutIsCustom() {
        UUID cause = TimeOrderedIds.next(Clock.fixed(T, ZoneOffset.UTC));
        UUID derived = TimeOrderedIds.derived(cause, "PaymentProcessed");

        assertThat(derived.version()).isEqualTo(8);
        assertThat(derived.variant()).isEqualTo(2);
        assertThat(derived.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
        // derived from a derived id (the next stage's event) it still sorts with the order's first event
        assertThat(TimeOrderedIds.derived(derived, "OrderDispatched").toString()).startsWith(
                cause.toString().substring(0, 13));
    }

    @Test
    void aCauseWithoutTimeBitsStillGivesAStableId() {
        UUID random = UUID.fromString("7b0c5f3e-8f7c-4d0c-9a8e-2b7c1d9e0f11");

        assertThat(TimeOrderedIds.derived(random, "payment")).isEqualTo(TimeOrderedIds.derived(random, "payment"));
        assertThat(TimeOrderedIds.derived(random, "payment").toString()).startsWith("7b0c5f3e-8f7c-8");
    }
}
