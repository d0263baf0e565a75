package io.orderflow.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.event.EventEnvelope;
import io.orderflow.reliability.StageInput;

/**
 * Moves an order's status forward on payment, dispatch and delivery events. Events on different topics can
 * arrive in either order, so a late event is kept in the timeline but never moves the status backwards.
 */
public final class OrderStatusStage {

    private static final Logger LOG = LoggerFactory.getLogger(OrderStatusStage.class);

    public enum Outcome { APPLIED, LATE }

    private final OrderBook orders;

    public OrderStatusStage(OrderBook orders) {
        this.orders = orders;
    }

    public Outcome onStatusEvent(StageInput input) {
        EventEnvelope event = input.event();
        OrderStatus target = OrderStatus.causedBy(event.type());
        OrderStatus current = orders.lockStatus(event.orderId())
                .orElseThrow(() -> new OrderNotFoundException(event.orderId()));
        boolean forward = target.isAfter(current);
        orders.addTimeline(event.orderId(), new TimelineEntry(target, event.occurredAt(), input.topic(),
                input.partition(), input.offset(), event.eventId(), forward));
        if (!forward) {
            return Outcome.LATE;
        }
        orders.updateStatus(event.orderId(), target, event.occurredAt());
        LOG.info("order: order {} {} -> {} (correlation {})", event.orderId(), current, target,
                event.correlationId());
        return Outcome.APPLIED;
    }
}
