package io.orderflow.order;

import java.util.List;

/**
 * Which status an order may move to from which: CREATED -> PAID -> DISPATCHED -> DELIVERED, or CREATED ->
 * PAYMENT_FAILED. The order stage reads the payment, dispatch and delivery topics, whose relative order Kafka does not
 * promise, so an event for a later step of the happy path can be read before its prerequisite: it waits. Anything
 * else (a second payment, a delivery after a failed payment) contradicts the order's history.
 */
public final class OrderStateMachine {

    public enum Decision { APPLY, WAIT, CONTRADICTS }

    private static final List<OrderStatus> HAPPY_PATH =
            List.of(OrderStatus.CREATED, OrderStatus.PAID, OrderStatus.DISPATCHED, OrderStatus.DELIVERED);

    private OrderStateMachine() {
    }

    public static OrderStatus prerequisite(OrderStatus target) {
        return switch (target) {
            case PAID, PAYMENT_FAILED -> OrderStatus.CREATED;
            case DISPATCHED -> OrderStatus.PAID;
            case DELIVERED -> OrderStatus.DISPATCHED;
            case CREATED -> throw new IllegalArgumentException("an order is created, not moved to CREATED");
        };
    }

    public static Decision decide(OrderStatus current, OrderStatus target) {
        OrderStatus prerequisite = prerequisite(target);
        if (current == prerequisite) {
            return Decision.APPLY;
        }
        int at = HAPPY_PATH.indexOf(current);
        if (at >= 0 && HAPPY_PATH.contains(target) && at < HAPPY_PATH.indexOf(prerequisite)) {
            return Decision.WAIT;
        }
        return Decision.CONTRADICTS;
    }
}
