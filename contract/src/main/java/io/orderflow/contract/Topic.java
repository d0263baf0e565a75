package io.orderflow.contract;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The five pipeline topics, in flow order: an order's events appear on them in this order. */
public enum Topic {
    CART("cart-events"),
    ORDER("order-events"),
    PAYMENT("payment-events"),
    DISPATCH("dispatch-events"),
    DELIVERY("delivery-events");

    /** Every pipeline topic has a dead-letter topic of this suffix, with the same partition count. */
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

    public static boolean isDeadLetterTopic(String topicName) {
        return topicName.endsWith(DLT_SUFFIX);
    }

    /** The topic a dead-letter topic takes the failed records of. */
    public static String sourceOfDeadLetterTopic(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DLT_SUFFIX.length());
    }

    /** The five pipeline topics, in flow order. */
    public static List<String> pipeline() {
        return Arrays.stream(values()).map(Topic::topicName).toList();
    }

    public static List<String> deadLetterTopics() {
        return Arrays.stream(values()).map(Topic::deadLetterTopic).toList();
    }

    /** Every topic the application owns: the pipeline topics in flow order, then their dead-letter topics. */
    public static List<String> allTopicNames() {
        return Stream.concat(pipeline().stream(), deadLetterTopics().stream()).toList();
    }
}
