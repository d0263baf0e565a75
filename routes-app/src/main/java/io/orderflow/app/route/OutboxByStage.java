package io.orderflow.app.route;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.orderflow.app.outbox.OutboxRelay;
import io.orderflow.app.outbox.OutboxRows;
import io.orderflow.contract.Topic;
import io.orderflow.pipeline.Stage;

/**
 * Each stage's part of the outbox: the records waiting for the topic the stage writes (the cart stage: cart-events;
 * the order stage: order-events, with the orders placed through REST), from the relay's last count.
 */
@Component
class OutboxByStage implements OutboxReport {

    private static final Map<String, Topic> WRITES = writes();

    private final OutboxRelay relay;

    OutboxByStage(OutboxRelay relay) {
        this.relay = relay;
    }

    private static Map<String, Topic> writes() {
        Map<String, Topic> writes = new HashMap<>(Map.of(RouteStatistics.CART, Topic.CART));
        for (Stage stage : Stage.values()) {
            writes.put(stage.id(), stage.writes());
        }
        return Map.copyOf(writes);
    }

    @Override
    public Optional<Outbox> of(String stage) {
        Topic topic = WRITES.get(stage);
        if (topic == null) {
            return Optional.empty();
        }
        OutboxRows.TopicBacklog waiting = relay.status().backlog().byTopic().get(topic.topicName());
        return Optional.of(waiting == null ? new Outbox(0, null)
                : new Outbox(waiting.depth(), waiting.oldest().toSeconds()));
    }
}
