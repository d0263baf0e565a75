package io.orderflow.order;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
 * Creates orders and announces each with OrderCreated. Used by {@code POST /api/orders} (many orders per database
 * transaction, see {@link #createAll}) and by the order stage on cart checkout (one); callers run it inside a
 * database transaction, so a failed send leaves no order behind.
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
     * An order with its OrderCreated event, decided before the attempt to store it, so that a second attempt (after
     * a failed group transaction) creates the same order with the same event id. It remembers its send: an event
     * the broker already acknowledged is not sent twice, and a send that failed stays this order's failure.
     * Not thread-safe: one attempt at a time.
     */
    public static final class Draft {
        private final Order order;
        private final EventEnvelope event;
        private CompletableFuture<PublishedRecord> sent;

        private Draft(Order order, EventEnvelope event) {
            this.order = order;
            this.event = event;
        }

        public Order order() {
            return order;
        }

        public EventEnvelope event() {
            return event;
        }

        private CompletableFuture<PublishedRecord> send(EventPublisher publisher) {
            if (sent == null) {
                sent = publisher.sendAsync(event);
            }
            return sent;
        }
    }

    /**
     * @param cause the checkout event this order comes from, or null for an order placed through the API
     */
    public Draft draft(String orderId, String customerId, List<OrderLine> items, String correlationId,
                       EventEnvelope cause) {
        OrderCreated created = new OrderCreated(orderId, customerId, items, Order.totalOf(items));
        EventEnvelope event = cause == null
                ? codec.newEvent(EventType.OrderCreated, orderId, correlationId, created)
                : codec.causedBy(cause, EventType.OrderCreated, created);
        Order order = new Order(orderId, customerId, List.copyOf(items), created.total(), OrderStatus.CREATED,
                event.occurredAt(), event.correlationId());
        return new Draft(order, event);
    }

    /**
     * @param cause the checkout event this order comes from, or null for an order placed through the API
     */
    public Order create(String orderId, String customerId, List<OrderLine> items, String correlationId,
                        EventEnvelope cause) {
        return createAll(List.of(draft(orderId, customerId, items, correlationId, cause))).get(0);
    }

    /**
     * Creates all orders in the caller's transaction: every row first, so a clash fails before anything is
     * published; then all events at once, so they share the broker's round trips; then, once the broker acknowledged
     * each (acks=all), the timeline entries that point at those records. Throws the first failure.
     */
    public List<Order> createAll(List<Draft> drafts) {
        for (Draft draft : drafts) {
            orders.insert(draft.order);
        }
        List<CompletableFuture<PublishedRecord>> sends = drafts.stream().map(d -> d.send(publisher)).toList();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            PublishedRecord record = acknowledged(sends.get(i));
            orders.addTimeline(draft.order.orderId(), new TimelineEntry(OrderStatus.CREATED, draft.order.createdAt(),
                    record.topic(), record.partition(), record.offset(), draft.event.eventId(), true));
        }
        for (Draft draft : drafts) {
            Order order = draft.order;
            LOG.info("order: order {} CREATED for {} total {} (correlation {})", order.orderId(), order.customerId(),
                    order.total().toPlainString(), order.correlationId());
        }
        return drafts.stream().map(Draft::order).toList();
    }

    private static PublishedRecord acknowledged(CompletableFuture<PublishedRecord> send) {
        try {
            return send.join();
        } catch (CompletionException e) {
            // the publisher's own exception, as a synchronous send would have thrown it
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
