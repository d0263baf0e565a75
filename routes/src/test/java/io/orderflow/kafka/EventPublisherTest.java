package io.orderflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.EventType;
import io.orderflow.event.Payloads.CartItemAdded;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.reliability.KafkaStubs;

class EventPublisherTest extends CamelTestSupport {

    private final EventCodec codec = new EventCodec();

    @Test
    void sendsKeyedTypedEventsSyncAndAsync() throws Exception {
        MockEndpoint orders = KafkaStubs.stub(context, KafkaUris.producer(Topic.ORDER), "order-events");
        MockEndpoint carts = KafkaStubs.stub(context, KafkaUris.producer(Topic.CART), "cart-events");
        EventPublisher publisher = new EventPublisher(context.createProducerTemplate(), codec, new PendingSends());
        EventEnvelope order = codec.newEvent(EventType.OrderCreated, "o-1", "corr-1", new OrderCreated("o-1", "c",
                List.of(new OrderLine("p", 1, BigDecimal.ONE)), BigDecimal.ONE));
        EventEnvelope cartItem = codec.newEvent(EventType.CartItemAdded, null, "corr-2",
                new CartItemAdded("cart-9", "p", 1, BigDecimal.ONE));

        PublishedRecord sync = publisher.send(order);
        PublishedRecord async = publisher.sendAsync(cartItem).get(10, TimeUnit.SECONDS);

        assertThat(sync.topic()).isEqualTo("order-events");
        assertThat(async.topic()).isEqualTo("cart-events");
        Message sent = orders.getExchanges().get(0).getMessage();
        assertThat(sent.getHeader(KafkaConstants.KEY)).isEqualTo("o-1");
        assertThat(sent.getHeader(EventHeaders.EVENT_TYPE)).isEqualTo("OrderCreated");
        assertThat(sent.getHeader(EventHeaders.EVENT_ID)).isEqualTo(order.eventId().toString());
        assertThat(sent.getHeader(EventHeaders.CORRELATION_ID)).isEqualTo("corr-1");
        assertThat(carts.getExchanges().get(0).getMessage().getHeader(KafkaConstants.KEY))
                .as("cart events are keyed by cart until an order exists").isEqualTo("cart-9");
    }
}
