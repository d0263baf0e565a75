package io.orderflow.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The consumer groups the application runs and the topics each reads: one per consuming stage, so an operator sees
 * lag per stage, and the dead-letter index. Carts come in over REST, so there is no cart group.
 */
public enum ConsumerGroup {
    ORDER("orderflow-order", Topic.CART, Topic.PAYMENT, Topic.DISPATCH, Topic.DELIVERY),
    PAYMENT("orderflow-payment", Topic.ORDER),
    DISPATCH("orderflow-dispatch", Topic.PAYMENT),
    DELIVERY("orderflow-delivery", Topic.DISPATCH),
    /** Copies every dead letter into the application's database, where operators search and replay them. */
    DEAD_LETTER_INDEX("orderflow-deadletters", Topic.deadLetterTopics());

    private final String groupId;
    private final List<String> topics;

    ConsumerGroup(String groupId, Topic... topics) {
        this(groupId, Arrays.stream(topics).map(Topic::topicName).toList());
    }

    ConsumerGroup(String groupId, List<String> topics) {
        this.groupId = groupId;
        this.topics = topics;
    }

    public String groupId() {
        return groupId;
    }

    /** The topics the group reads, in flow order. */
    public List<String> topics() {
        return topics;
    }

    /** Every group's id, in this order. */
    public static List<String> groupIds() {
        return Arrays.stream(values()).map(ConsumerGroup::groupId).toList();
    }
}
