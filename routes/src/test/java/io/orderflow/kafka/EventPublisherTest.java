package io.orderflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.orderflow.contract.EventHeaders;
import io.orderflow.contract.EventType;
import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.Payloads.CartItemAdded;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.outbox.OutboxRecord;
import io.orderflow.reliability.RecordingOutbox;

class EventPublisherTest {

    private final EventCodec codec = new EventCodec();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final EventPublisher publisher = new EventPublisher(outbox, codec);

    @Test
    void queuesKeyedTypedEventsInTheOutbox() {
        EventEnvelope order = codec.newEvent(EventType.OrderCreated, "o-1", "corr-1", new OrderCreated("o-1", "c",
                List.of(new OrderLine("p", 1, BigDecimal.ONE)), BigDecimal.ONE));
        EventEnvelope cartItem = codec.newEvent(EventType.CartItemAdded, null, null,
                new CartItemAdded("cart-9", "p", 1, BigDecimal.ONE));

        publisher.publish(order);
        publisher.publish(cartItem);

        OutboxRecord sent = outbox.to("order-events").get(0);
        assertThat(sent.partition()).as("the producer partitions by key").isNull();
        assertThat(RecordingOutbox.text(sent.key())).isEqualTo("o-1");
        assertThat(codec.decode(sent.value()).eventId()).isEqualTo(order.eventId());
        assertThat(sent.headerText(EventHeaders.EVENT_TYPE)).isEqualTo("OrderCreated");
        assertThat(sent.headerText(EventHeaders.EVENT_ID)).isEqualTo(order.eventId().toString());
        assertThat(sent.headerText(EventHeaders.CORRELATION_ID)).isEqualTo("corr-1");
        OutboxRecord cart = outbox.to("cart-events").get(0);
        assertThat(RecordingOutbox.text(cart.key())).as("cart events are keyed by cart until an order exists")
                .isEqualTo("cart-9");
        assertThat(cart.headers()).extracting(h -> h.key()).containsExactly("eventType", "eventId");
    }
}
