package io.orderflow.app.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.deadletter.DeadLetterRoute;
import io.orderflow.kafka.Topic;

/**
 * Creates the pipeline topics and their dead-letter topics (same partition count) when they are absent. A DLT takes
 * every record its source topic takes plus the failure headers a dead letter adds, so its {@code max.message.bytes}
 * is the source topic's plus {@link DeadLetterRoute#MAX_ADDED_BYTES}, also on DLTs that already exist: a dead letter
 * the broker refused would leave its record without a place to go.
 */
public final class TopicInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(TopicInitializer.class);

    private final AdminClient admin;
    private final int partitions;
    private final short replicationFactor;

    public TopicInitializer(AdminClient admin, int partitions, short replicationFactor) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public void createMissingTopics() {
        try {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            create(existing, topic -> new NewTopic(topic.topicName(), partitions,
                    replicationFactor), false);
            Map<Topic, Integer> deadLetterLimits = deadLetterLimits();
            create(existing, topic -> new NewTopic(topic.deadLetterTopic(), partitions,
                    replicationFactor).configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    String.valueOf(deadLetterLimits.get(topic)))), true);
            raiseExistingDeadLetterLimits(existing, deadLetterLimits);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create or configure Kafka topics", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 60 s while creating topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private void create(Set<String> existing, Function<Topic, NewTopic> definition,
                        boolean deadLetterTopics) throws ExecutionException, InterruptedException, TimeoutException {
        List<NewTopic> missing = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            String name = deadLetterTopics ? topic.deadLetterTopic() : topic.topicName();
            if (!existing.contains(name)) {
                missing.add(definition.apply(topic));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // another instance created them first
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        LOG.info("Created topics {} ({} partitions, replication {})", missing.stream().map(NewTopic::name).toList(),
                partitions, replicationFactor);
    }

    /** Source topic limit (its own setting or the broker's message.max.bytes) plus the room dead letters add. */
    private Map<Topic, Integer> deadLetterLimits() throws ExecutionException, InterruptedException, TimeoutException {
        Map<ConfigResource, Topic> sources = new HashMap<>();
        for (Topic topic : Topic.values()) {
            sources.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()), topic);
        }
        Map<Topic, Integer> limits = new HashMap<>();
        admin.describeConfigs(sources.keySet()).all().get(60, TimeUnit.SECONDS).forEach((resource, config) ->
                limits.put(sources.get(resource), Integer.parseInt(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
                        .value()) + DeadLetterRoute.MAX_ADDED_BYTES));
        return limits;
    }

    private void raiseExistingDeadLetterLimits(Set<String> existing, Map<Topic, Integer> limits)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (Topic topic : Topic.values()) {
            if (existing.contains(topic.deadLetterTopic())) {
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.deadLetterTopic()),
                        List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                String.valueOf(limits.get(topic))), AlterConfigOp.OpType.SET)));
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
        }
    }
}
