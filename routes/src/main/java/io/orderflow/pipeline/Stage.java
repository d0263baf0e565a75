package io.orderflow.pipeline;

import java.util.Arrays;
import java.util.List;

import io.orderflow.contract.ConsumerGroup;
import io.orderflow.contract.Topic;

/**
 * The pipeline's stages, in flow order: the one list of them. A stage is one step of the pipeline, run by one
 * consumer group; its {@link #id()} names everything the application keeps per stage: its routes
 * ({@code <stage>-kafka}), its settings ({@code orderflow.stages.<stage>}), its faults, its health and statistics.
 */
public enum Stage {
    // the order stage handles three of every order's four events (payment, dispatch, delivery) from twelve
    // partitions: with one consumer its thread was the pipeline's bottleneck
    ORDER("order", ConsumerGroup.ORDER, Topic.ORDER, 2),
    PAYMENT("payment", ConsumerGroup.PAYMENT, Topic.PAYMENT, 1),
    DISPATCH("dispatch", ConsumerGroup.DISPATCH, Topic.DISPATCH, 1),
    DELIVERY("delivery", ConsumerGroup.DELIVERY, Topic.DELIVERY, 1);

    private final String id;
    private final ConsumerGroup group;
    private final Topic writes;
    private final int defaultConsumers;

    Stage(String id, ConsumerGroup group, Topic writes, int defaultConsumers) {
        this.id = id;
        this.group = group;
        this.writes = writes;
        this.defaultConsumers = defaultConsumers;
    }

    /** The stage's name, lower case ("payment"). */
    public String id() {
        return id;
    }

    /** The consumer group the stage reads as. */
    public ConsumerGroup group() {
        return group;
    }

    /** The topic the stage publishes to. */
    public Topic writes() {
        return writes;
    }

    /** Consumers the stage runs per instance unless {@code orderflow.stages.<stage>.consumers} says otherwise. */
    public int defaultConsumers() {
        return defaultConsumers;
    }

    /** The stage of this id. */
    public static Stage of(String id) {
        return Arrays.stream(values()).filter(stage -> stage.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " is not a stage; use one of " + ids()));
    }

    /** Every stage's id, in flow order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Stage::id).toList();
    }
}
