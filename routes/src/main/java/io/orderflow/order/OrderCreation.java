package io.orderflow.order;

import java.util.List;

import org.slf4j.Logger;

import io.orderflow.contract.EventType;
import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.event.TransitionLog;
import io.orderflow.kafka.EventPublisher;

/**
 * Creates orders and announces each with OrderCreated. Used by {@code POST /api/orders} (many orders per database
 * transaction, see {@link #createAll}) and by the order stage on cart checkout (one). Callers run it inside a
 * database transaction: the order rows and their events (in the outbox) commit together or not at all. The
 * CREATED entry of the timeline, which points at the OrderCreated record, is written once the relay published it.
 */
public final class OrderCreation {

    private static final Logger LOG = TransitionLog.LOG;

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
     * a failed group transaction) creates the same order with the same event id.
     */
    public record Draft(Order order, EventEnvelope event) {
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

    /** Creates all orders and queues their OrderCreated events in the caller's transaction. */
    public List<Order> createAll(List<Draft> drafts) {
        for (Draft draft : drafts) {
            orders.insert(draft.order());
            publisher.publish(draft.event());
        }
        for (Draft draft : drafts) {
            Order order = draft.order();
            LOG.info("order: order {} CREATED for {} total {} (correlation {})", order.orderId(), order.customerId(),
                    order.total().toPlainString(), order.correlationId());
        }
        return drafts.stream().map(Draft::order).toList();
    }
}
