package io.orderflow.order;

import io.orderflow.contract.EventType;

/**
 * Order statuses in the order they are reached. Status only moves to a higher rank; PAID and PAYMENT_FAILED share
 * a rank because only one of them can happen to an order.
 */
public enum OrderStatus {
    CREATED(0),
    PAID(1),
    PAYMENT_FAILED(1),
    DISPATCHED(2),
    DELIVERED(3);

    private final int rank;

    OrderStatus(int rank) {
        this.rank = rank;
    }

    public boolean isAfter(OrderStatus other) {
        return rank > other.rank;
    }

    public boolean isFinal() {
        return this == DELIVERED || this == PAYMENT_FAILED;
    }

    /** The status an event moves an order to. */
    public static OrderStatus causedBy(EventType type) {
        return switch (type) {
            case OrderCreated -> CREATED;
            case PaymentProcessed -> PAID;
            case PaymentFailed -> PAYMENT_FAILED;
            case OrderDispatched -> DISPATCHED;
            case OrderDelivered -> DELIVERED;
            default -> throw new IllegalArgumentException(type + " does not change an order's status");
        };
    }
}
