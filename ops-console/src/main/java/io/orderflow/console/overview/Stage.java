package io.orderflow.console.overview;

import java.util.List;

import io.orderflow.contract.ConsumerGroup;
import io.orderflow.contract.Topic;

/**
 * The five stages of the flow as the pipeline is built: the topics a stage's consumer group is meant to read, the
 * topic it writes, and what else writes there. The overview shows the topics the group actually reads (from its
 * committed offsets) and uses these only until the group has been seen. Carts come in over REST, so the cart stage
 * has no group.
 */
public enum Stage {
    CART("Cart", null, Topic.CART, "REST: cart items and checkouts"),
    ORDER("Order", ConsumerGroup.ORDER, Topic.ORDER, "OrderCreated also from REST (POST /api/orders)"),
    PAYMENT("Payment", ConsumerGroup.PAYMENT, Topic.PAYMENT, null),
    DISPATCH("Dispatch", ConsumerGroup.DISPATCH, Topic.DISPATCH, null),
    DELIVERY("Delivery", ConsumerGroup.DELIVERY, Topic.DELIVERY, null);

    private final String title;
    private final ConsumerGroup group;
    private final Topic output;
    private final String otherWriters;

    Stage(String title, ConsumerGroup group, Topic output, String otherWriters) {
        this.title = title;
        this.group = group;
        this.output = output;
        this.otherWriters = otherWriters;
    }

    public String title() {
        return title;
    }

    /** The consumer group, null for the cart stage. */
    public String group() {
        return group == null ? null : group.groupId();
    }

    /** The topics the stage's group is built to consume, in flow order; empty for the cart stage. */
    public List<String> inputs() {
        return group == null ? List.of() : group.topics();
    }

    public String output() {
        return output.topicName();
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
