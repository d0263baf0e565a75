package io.orderflow.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.HeaderText;

class TailFilterTest {

    private final EventRecord created = new EventRecord("order-events", 0, 1, 1, "o-17", "o-17".getBytes(), List.of(
            new HeaderText("eventType", "OrderCreated"), new HeaderText("correlationId", "corr-9")),
            new byte[0], 0, "OrderCreated", "o-17");
    private final EventRecord cart = new EventRecord("cart-events", 0, 1, 1, "cart-3", "cart-3".getBytes(), List.of(),
            new byte[0], 0, "CartCheckedOut", "o-17");
    private final EventRecord poison = new EventRecord("order-events", 0, 2, 2, "k1", "k1".getBytes(), List.of(),
            new byte[0], 0, null, "k1");

    @Test
    void blankFilterShowsEverything() {
        assertThat(List.of(created, cart, poison)).allMatch(new TailFilter("", TailFilter.ANY_TYPE, " "));
    }

    @Test
    void textMatchesTheKeyOrTheOrderIdIgnoringCase() {
        TailFilter filter = new TailFilter("O-17", null, null);
        assertThat(List.of(created, cart, poison)).filteredOn(filter).containsExactly(created, cart);
    }

    @Test
    void typeMatchesExactlyAndRecordsWithoutATypeHaveTheirOwnChoice() {
        assertThat(List.of(created, cart, poison)).filteredOn(new TailFilter(null, "CartCheckedOut", null))
                .containsExactly(cart);
        assertThat(List.of(created, cart, poison)).filteredOn(new TailFilter(null, TailFilter.NO_TYPE, null))
                .containsExactly(poison);
    }

    @Test
    void headerFilterMatchesANamedHeaderOrAnyHeaderText() {
        assertThat(List.of(created, cart)).filteredOn(new TailFilter(null, null, "correlationid=CORR"))
                .containsExactly(created);
        assertThat(List.of(created, cart)).filteredOn(new TailFilter(null, null, "eventType=Cart")).isEmpty();
        assertThat(List.of(created, cart)).filteredOn(new TailFilter(null, null, "corr-9")).containsExactly(created);
    }
}
