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
    ORDER("order", ConsumerGroup.ORDER, Topic.ORDER),
    PAYMENT("payment", ConsumerGroup.PAYMENT, Topic.PAYMENT),
    DISPATCH("dispatch", ConsumerGroup.DISPATCH, Topic.DISPATCH),
    DELIVERY("delivery", ConsumerGroup.DELIVERY, Topic.DELIVERY);

    private final String id;
    private final ConsumerGroup group;
    private final Topic writes;

    Stage(String id, ConsumerGroup group, Topic writes) {
        this.id = id;
        this.group = group;
        this.writes = writes;
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

    /** Every stage's id, in flow order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Stage::id).toList();
    }
}
