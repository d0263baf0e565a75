package io.orderflow.contract;

import java.util.Arrays;
import java.util.List;

/**
 * Every event the pipeline publishes and the topic it lives on. The constant's name is the type as written in the
 * envelope's {@code type} field and the {@link EventHeaders#EVENT_TYPE} header.
 */
public enum EventType {
    CartItemAdded(Topic.CART),
    CartCheckedOut(Topic.CART),
    OrderCreated(Topic.ORDER),
    PaymentProcessed(Topic.PAYMENT),
    PaymentFailed(Topic.PAYMENT),
    OrderDispatched(Topic.DISPATCH),
    OrderDelivered(Topic.DELIVERY);

    private final Topic topic;

    EventType(Topic topic) {
        this.topic = topic;
    }

    public Topic topic() {
        return topic;
    }

    /** The type names, in flow order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(EventType::name).toList();
    }
}
