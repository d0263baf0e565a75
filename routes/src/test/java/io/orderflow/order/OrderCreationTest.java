package io.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.orderflow.event.EventCodec;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.kafka.KafkaUris;
import io.orderflow.kafka.PendingSends;
import io.orderflow.kafka.Topic;

/**
 * Many orders in one transaction: rows before any send, timelines pointing at the acknowledged records, and a
 * second attempt that re-uses what the first one already sent.
 */
class OrderCreationTest extends CamelTestSupport {

    private static final List<OrderLine> ITEMS = List.of(new OrderLine("p", 2, new BigDecimal("5.00")));

    private final EventCodec codec = new EventCodec();
    private final List<String> journal = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final AtomicLong offsets = new AtomicLong();
    private MockEndpoint orderEvents;
    private OrderCreation creation;

    @BeforeEach
    void wire() throws Exception {
        orderEvents = context.getEndpoint("mock:order-events", MockEndpoint.class);
        // acknowledges like camel-kafka (record metadata header), except for the key "refused"
        orderEvents.whenAnyExchangeReceived(exchange -> {
            String key = exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
            journal.add("send " + key);
            if (key.equals("refused")) {
                throw new IllegalStateException("broker refused " + key);
            }
            exchange.getMessage().setHeader(KafkaConstants.KAFKA_RECORD_META, List.of(
                    new RecordMetadata(new TopicPartition("order-events", 1), offsets.getAndIncrement(), 0, 0, 0, 0)));
        });
        context.addEndpoint(KafkaUris.producer(Topic.ORDER), orderEvents);
        creation = new OrderCreation(new OrderBook() {
            @Override
            public void insert(Order order) {
                if (order.orderId().equals("clash")) {
                    throw new IllegalStateException("duplicate key clash");
                }
                journal.add("insert " + order.orderId());
            }

            @Override
            public Optional<OrderStatus> lockStatus(String orderId) {
                return Optional.empty();
            }

            @Override
            public void updateStatus(String orderId, OrderStatus status, Instant at) {
            }

            @Override
            public void addTimeline(String orderId, TimelineEntry entry) {
                journal.add("timeline " + orderId);
                timeline.add(entry);
            }
        }, new EventPublisher(callerThreadTemplate(), codec, new PendingSends()), codec);
    }

    /** As the application wires it: an async send is handed to the producer on the caller's thread. */
    private ProducerTemplate callerThreadTemplate() {
        ProducerTemplate template = context.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        return template;
    }

    @Test
    void insertsAllRowsThenSendsAllEventsThenRecordsWhereEachLanded() {
        var drafts = List.of(draft("a"), draft("b"), draft("c"));

        List<Order> orders = creation.createAll(drafts);

        assertThat(orders).extracting(Order::orderId).containsExactly("a", "b", "c");
        assertThat(orders).extracting(Order::total).containsOnly(new BigDecimal("10.00"));
        assertThat(journal.subList(0, 3)).containsExactly("insert a", "insert b", "insert c");
        assertThat(journal.subList(3, 6)).containsExactlyInAnyOrder("send a", "send b", "send c");
        assertThat(journal.subList(6, 9)).containsExactly("timeline a", "timeline b", "timeline c");
        assertThat(timeline).extracting(TimelineEntry::eventId)
                .containsExactly(drafts.get(0).event().eventId(), drafts.get(1).event().eventId(),
                        drafts.get(2).event().eventId());
        assertThat(timeline).extracting(TimelineEntry::topic).containsOnly("order-events");
        assertThat(timeline).extracting(TimelineEntry::offset).containsExactlyInAnyOrder(0L, 1L, 2L);
    }

    @Test
    void aClashFailsBeforeAnythingIsPublished() {
        assertThatThrownBy(() -> creation.createAll(List.of(draft("a"), draft("clash"))))
                .hasMessageContaining("clash");
        assertThat(orderEvents.getReceivedCounter()).isZero();
    }

    @Test
    void aSecondAttemptReusesAcknowledgedSendsAndKeepsAFailedSendAsItsOwnFailure() {
        var good = draft("good");
        var refused = draft("refused");
        assertThatThrownBy(() -> creation.createAll(List.of(good, refused)))
                .isInstanceOf(CamelExecutionException.class);
        assertThat(orderEvents.getReceivedCounter()).isEqualTo(2);
        timeline.clear(); // what the rollback of the group's transaction does

        // as after the rollback of a group: each order on its own
        assertThat(creation.createAll(List.of(good))).extracting(Order::orderId).containsExactly("good");
        assertThatThrownBy(() -> creation.createAll(List.of(refused))).isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("broker refused refused");

        assertThat(orderEvents.getReceivedCounter()).as("no event sent twice").isEqualTo(2);
        assertThat(timeline).extracting(TimelineEntry::eventId).containsExactly(good.event().eventId());
    }

    @Test
    void theSingleFormIsAGroupOfOne() {
        Order order = creation.create("solo", "customer", ITEMS, "corr", null);
        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(journal).containsExactly("insert solo", "send solo", "timeline solo");
    }

    private OrderCreation.Draft draft(String orderId) {
        return creation.draft(orderId, "customer-" + orderId, ITEMS, "corr-" + orderId, null);
    }
}
