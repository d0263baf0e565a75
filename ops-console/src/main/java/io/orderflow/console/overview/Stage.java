package io.orderflow.console.overview;

import io.orderflow.console.kafka.Topics;

/**
 * The five stages of the flow. A stage's "in" is what its consumer group consumes from the previous stage's topic,
 * its "out" is what is produced to its own topic. Carts come in over REST, so the cart stage has no group.
 */
public enum Stage {
    CART("Cart", null, null, Topics.CART),
    ORDER("Order", "orderflow-order", Topics.CART, Topics.ORDER),
    PAYMENT("Payment", "orderflow-payment", Topics.ORDER, Topics.PAYMENT),
    DISPATCH("Dispatch", "orderflow-dispatch", Topics.PAYMENT, Topics.DISPATCH),
    DELIVERY("Delivery", "orderflow-delivery", Topics.DISPATCH, Topics.DELIVERY);

    private final String title;
    private final String group;
    private final String input;
    private final String output;

    Stage(String title, String group, String input, String output) {
        this.title = title;
        this.group = group;
        this.input = input;
        this.output = output;
    }

    public String title() {
        return title;
    }

    /** The consumer group, null for the cart stage. */
    public String group() {
        return group;
    }

    /** The topic the stage consumes in the flow, null for the cart stage. */
    public String input() {
        return input;
    }

    public String output() {
        return output;
    }
}
