package io.orderflow.console.kafka;

import java.util.List;

/**
 * The pipeline's topic names as published in the contract. The console keeps its own copy rather than depending
 * on the routes module, so it stays a plain Kafka client that also works against a cluster it did not create.
 */
public final class Topics {
    public static final String CART = "cart-events";
    public static final String ORDER = "order-events";
    public static final String PAYMENT = "payment-events";
    public static final String DISPATCH = "dispatch-events";
    public static final String DELIVERY = "delivery-events";

    /** In flow order: an order's events appear on them in this order. */
    public static final List<String> PIPELINE = List.of(CART, ORDER, PAYMENT, DISPATCH, DELIVERY);

    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterTopic(String topic) {
        return topic + DLT_SUFFIX;
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(DLT_SUFFIX);
    }

    /** The five pipeline topics followed by their dead-letter topics. */
    public static List<String> pipelineWithDeadLetters() {
        return java.util.stream.Stream.concat(PIPELINE.stream(), PIPELINE.stream().map(Topics::deadLetterTopic))
                .toList();
    }
}
