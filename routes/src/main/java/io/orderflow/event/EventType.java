package io.orderflow.event;

import io.orderflow.kafka.Topic;

/** Every event the pipeline publishes, the topic it lives on and the shape of its payload. */
public enum EventType {
    CartItemAdded(Topic.CART, Payloads.CartItemAdded.class),
    CartCheckedOut(Topic.CART, Payloads.CartCheckedOut.class),
    OrderCreated(Topic.ORDER, Payloads.OrderCreated.class),
    PaymentProcessed(Topic.PAYMENT, Payloads.PaymentProcessed.class),
    PaymentFailed(Topic.PAYMENT, Payloads.PaymentFailed.class),
    OrderDispatched(Topic.DISPATCH, Payloads.OrderDispatched.class),
    OrderDelivered(Topic.DELIVERY, Payloads.OrderDelivered.class);

    private final Topic topic;
    private final Class<? extends Record> payloadType;

    EventType(Topic topic, Class<? extends Record> payloadType) {
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }
}
