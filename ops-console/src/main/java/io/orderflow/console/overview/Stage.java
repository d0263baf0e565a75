package io.orderflow.console.overview;

import java.util.List;

import io.orderflow.console.kafka.Topics;

/**
 * The five stages of the flow as the pipeline is built: the topics a stage's consumer group is meant to read, the
 * topic it writes, and what else writes there. The overview shows the topics the group actually reads (from its
 * committed offsets) and uses these only until the group has been seen. Carts come in over REST, so the cart stage
 * has no group.
 */
public enum Stage {
    CART("Cart", null, List.of(), Topics.CART, "REST: cart items and checkouts"),
    ORDER("Order", "orderflow-order", List.of(Topics.CART, Topics.PAYMENT, Topics.DISPATCH, Topics.DELIVERY),
            Topics.ORDER, "OrderCreated also from REST (POST /api/orders)"),
    PAYMENT("Payment", "orderflow-payment", List.of(Topics.ORDER), Topics.PAYMENT, null),
    DISPATCH("Dispatch", "orderflow-dispatch", List.of(Topics.PAYMENT), Topics.DISPATCH, null),
    DELIVERY("Delivery", "orderflow-delivery", List.of(Topics.DISPATCH), Topics.DELIVERY, null);

    private final String title;
    private final String group;
    private final List<String> inputs;
    private final String output;
    private final String otherWriters;

    Stage(String title, String group, List<String> inputs, String output, String otherWriters) {
        this.title = title;
        this.group = group;
        this.inputs = inputs;
        this.output = output;
        this.otherWriters = otherWriters;
    }

    public String title() {
        return title;
    }

    /** The consumer group, null for the cart stage. */
    public String group() {
        return group;
    }

    /** The topics the stage's group is built to consume, in flow order; empty for the cart stage. */
    public List<String> inputs() {
        return inputs;
    }

    public String output() {
        return output;
    }

    /** Who else writes the stage's output topic, null when only the stage does. */
    public String otherWriters() {
        return otherWriters;
    }

    /** The stage a route or consumer group of the app belongs to, by its lower-case name ("order"). */
    public static Stage named(String name) {
        for (Stage stage : values()) {
            if (stage.name().equalsIgnoreCase(name)) {
                return stage;
            }
        }
        return null;
    }
}
