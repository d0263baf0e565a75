package io.orderflow.order;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.EventType;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.kafka.PublishedRecord;

/**
 * Creates an order and announces it with OrderCreated. Used by {@code POST /api/orders} and by the order stage on
 * cart checkout; callers run it inside a database transaction, so a failed send leaves no order behind.
 */
public final class OrderCreation {

    private static final Logger LOG = LoggerFactory.getLogger(OrderCreation.class);

    private final OrderBook orders;
    private final EventPublisher publisher;
    private final EventCodec codec;

    public OrderCreation(OrderBook orders, EventPublisher publisher, EventCodec codec) {
        this.orders = orders;
        this.publisher = publisher;
        this.codec = codec;
    }

    /**
     * @param cause the checkout event this order comes from, or null for an order placed through the API
     */
    public Order create(String orderId, String customerId, List<OrderLine> items, String correlationId,
                        EventEnvelope cause) {
        OrderCreated created = new OrderCreated(orderId, customerId, items, Order.totalOf(items));
        EventEnvelope event = cause == null
                ? codec.newEvent(EventType.OrderCreated, orderId, correlationId, created)
                : codec.causedBy(cause, EventType.OrderCreated, created);
        Order order = new Order(orderId, customerId, List.copyOf(items), created.total(), OrderStatus.CREATED,
                event.occurredAt(), event.correlationId());
        orders.insert(order); // first, so a clash fails before anything is published
        PublishedRecord record = publisher.send(event);
        orders.addTimeline(orderId, new TimelineEntry(OrderStatus.CREATED, event.occurredAt(), record.topic(),
                record.partition(), record.offset(), event.eventId(), true));
        LOG.info("order: order {} CREATED for {} total {} (correlation {})", orderId, customerId,
                created.total().toPlainString(), event.correlationId());
        return order;
    }
}
