package io.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.orderflow.event.EventCodec;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.reliability.RecordingOutbox;
import io.orderflow.event.EventEnvelope;

/** Many orders in one transaction: every row and its queued OrderCreated, and a clash that queues nothing. */
class OrderCreationTest {

    private static final List<OrderLine> ITEMS = List.of(new OrderLine("p", 2, new BigDecimal("5.00")));

    private final EventCodec codec = new EventCodec();
    private final List<String> journal = new ArrayList<>();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final OrderCreation creation = new OrderCreation(new InMemoryOrderBook() {
        @Override
        public void insert(Order order) {
            if (order.orderId().equals("clash")) {
                throw new IllegalStateException("duplicate key clash");
            }
            journal.add("insert " + order.orderId());
        }

        @Override
        public void addTimeline(String orderId, TimelineEntry entry) {
            journal.add("timeline " + orderId);
        }
    }, new EventPublisher(record -> {
        journal.add("queue " + RecordingOutbox.text(record.key()));
        outbox.add(record);
    }, codec), codec);

    @Test
    void insertsEachOrderWithItsQueuedEventAndNoTimelineYet() {
        var drafts = List.of(draft("a"), draft("b"), draft("c"));

        List<Order> orders = creation.createAll(drafts);

        assertThat(orders).extracting(Order::orderId).containsExactly("a", "b", "c");
        assertThat(orders).extracting(Order::total).containsOnly(new BigDecimal("10.00"));
        assertThat(journal).as("the CREATED timeline entry is written when the relay published the event")
                .containsExactly("insert a", "queue a", "insert b", "queue b", "insert c", "queue c");
        assertThat(outbox.events("order-events", codec)).extracting(EventEnvelope::eventId)
                .containsExactly(drafts.get(0).event().eventId(), drafts.get(1).event().eventId(),
                        drafts.get(2).event().eventId());
    }

    @Test
    void aClashFailsTheWholeGroup() {
        assertThatThrownBy(() -> creation.createAll(List.of(draft("a"), draft("clash"))))
                .hasMessageContaining("clash");
        // what was queued before the clash rolls back with the caller's transaction
        assertThat(journal).containsExactly("insert a", "queue a");
    }

    @Test
    void aDraftKeepsItsEventIdForASecondAttempt() {
        var draft = draft("again");
        creation.createAll(List.of(draft));
        creation.createAll(List.of(draft));

        assertThat(outbox.events("order-events", codec)).extracting(EventEnvelope::eventId)
                .containsOnly(draft.event().eventId());
    }

    @Test
    void theSingleFormIsAGroupOfOne() {
        Order order = creation.create("solo", "customer", ITEMS, "corr", null);
        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(journal).containsExactly("insert solo", "queue solo");
    }

    private OrderCreation.Draft draft(String orderId) {
        return creation.draft(orderId, "customer-" + orderId, ITEMS, "corr-" + orderId, null);
    }
}
