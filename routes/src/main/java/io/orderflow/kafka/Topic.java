package io.orderflow.kafka;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The five pipeline topics. Their names are part of the public contract. */
public enum Topic {
    CART("cart-events"),
    ORDER("order-events"),
    PAYMENT("payment-events"),
    DISPATCH("dispatch-events"),
    DELIVERY("delivery-events");

    public static final String DLT_SUFFIX = ".DLT";

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }

    public String deadLetterTopic() {
        return topicName + DLT_SUFFIX;
    }

    public static Optional<Topic> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(name)).findFirst();
    }

    /** Every topic the application owns: the five pipeline topics and their dead-letter topics. */
    public static List<String> allTopicNames() {
        return Arrays.stream(values())
                .flatMap(t -> java.util.stream.Stream.of(t.topicName(), t.deadLetterTopic()))
                .toList();
    }
}
