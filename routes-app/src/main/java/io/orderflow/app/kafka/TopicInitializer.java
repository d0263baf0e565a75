package io.orderflow.app.kafka;

import java.util.List;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.contract.Topic;
import io.orderflow.reliability.DeadLetterRoute;

/**
 * Creates the pipeline topics and their dead-letter topics (same partition count) when they are absent, and checks
 * the ones that exist: a dead-letter topic must have at least its source topic's partitions (a dead letter goes to
 * its original partition number), so a short one is grown when the cluster allows it; any other partition count
 * than configured is used as it is, with a warning, since instances beyond the partition count get no work. A DLT
 * takes every record its source topic takes plus the failure headers a dead letter adds, so its
 * {@code max.message.bytes} is the source topic's plus {@link DeadLetterRoute#MAX_ADDED_BYTES}, also on DLTs that
 * already exist: a dead letter the broker refused would leave its record without a place to go.
 */
public final class TopicInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(TopicInitializer.class);

    private final AdminClient admin;
    private final int partitions;
    private final short replicationFactor;
    private final Integer minInsyncReplicas;

    /**
     * @param minInsyncReplicas for topics created here; {@code null} means one below the replication factor (a
     *                          write survives one broker down without waiting for it), none with replication 1
     */
    public TopicInitializer(AdminClient admin, int partitions, short replicationFactor, Integer minInsyncReplicas) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
    }

    public void createMissingTopics() {
        try {
            createAbsentTopics();
            checkPartitions();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set up Kafka topics", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 60 s while setting up topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up topics", e);
        }
    }

    /** The topic settings created topics get beyond partitions and replication. */
    Map<String, String> topicConfigs() {
        int minInsync = minInsyncReplicas != null ? minInsyncReplicas : Math.max(1, replicationFactor - 1);
        return replicationFactor > 1 || minInsyncReplicas != null
                ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsync))
                : Map.of();
    }

    private void createAbsentTopics() throws ExecutionException, TimeoutException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        Map<String, String> configs = topicConfigs();
        create(Arrays.stream(Topic.values())
                .map(Topic::topicName).filter(name -> !existing.contains(name))
                .map(name -> new NewTopic(name, partitions, replicationFactor).configs(configs)).toList());
        Map<Topic, Integer> deadLetterLimits = deadLetterLimits();
        create(Arrays.stream(Topic.values()).filter(topic -> !existing.contains(topic.deadLetterTopic()))
                .map(topic -> {
                    Map<String, String> deadLetterConfigs = new HashMap<>(configs);
                    deadLetterConfigs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            String.valueOf(deadLetterLimits.get(topic)));
                    return new NewTopic(topic.deadLetterTopic(), partitions, replicationFactor)
                            .configs(deadLetterConfigs);
                }).toList());
        raiseExistingDeadLetterLimits(existing, deadLetterLimits);
    }

    private void create(List<NewTopic> missing) throws ExecutionException, TimeoutException, InterruptedException {
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            LOG.info("Created topics {} ({} partitions, replication {})",
                    missing.stream().map(NewTopic::name).toList(), partitions, replicationFactor);
        } catch (ExecutionException e) {
            // another instance starting at the same time created them first
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void checkPartitions() throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, TopicDescription> topics = describeTopics();
        for (Topic topic : Topic.values()) {
            int source = topics.get(topic.topicName()).partitions().size();
            int deadLetters = topics.get(topic.deadLetterTopic()).partitions().size();
            if (source != partitions) {
                LOG.warn("Topic {} has {} partitions, not the configured {} (orderflow.kafka.partitions): used as it"
                        + " is; at most {} consumers per stage get work", topic.topicName(), source, partitions, source);
            }
            if (deadLetters < source) {
                growDeadLetterTopic(topic, deadLetters, source);
            }
        }
    }

    private Map<String, TopicDescription> describeTopics()
            throws ExecutionException, TimeoutException, InterruptedException {
        return onceKnown(() -> admin.describeTopics(Topic.allTopicNames()).allTopicNames());
    }

    /**
     * Topics created a moment ago reach the metadata of the broker asked a little later (describing their topics or
     * their configs fails with an unknown topic until then): asks again for a while.
     */
    private <T> T onceKnown(Supplier<KafkaFuture<T>> request)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return request.get().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private void growDeadLetterTopic(Topic topic, int deadLetters, int source)
            throws TimeoutException, InterruptedException {
        try {
            admin.createPartitions(Map.of(topic.deadLetterTopic(), NewPartitions.increaseTo(source)))
                    .all().get(60, TimeUnit.SECONDS);
            LOG.info("Dead-letter topic {} had {} partitions, fewer than {} has: added partitions up to {}",
                    topic.deadLetterTopic(), deadLetters, topic.topicName(), source);
        } catch (ExecutionException e) {
            // e.g. not authorized to alter topics; the relay then sends such dead letters by key (OutboxRelay)
            LOG.warn("Dead-letter topic {} has {} partitions, fewer than {} has ({}), and cannot be grown: {}."
                            + " Dead letters from the partitions it lacks go to a partition chosen by key",
                    topic.deadLetterTopic(), deadLetters, topic.topicName(), source, e.getCause().toString());
        }
    }

    /** Source topic limit (its own setting or the broker's message.max.bytes) plus the room dead letters add. */
    private Map<Topic, Integer> deadLetterLimits() throws ExecutionException, InterruptedException, TimeoutException {
        Map<ConfigResource, Topic> sources = new HashMap<>();
        for (Topic topic : Topic.values()) {
            sources.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()), topic);
        }
        Map<Topic, Integer> limits = new HashMap<>();
        onceKnown(() -> admin.describeConfigs(sources.keySet()).all()).forEach((resource, config) ->
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
            onceKnown(() -> admin.incrementalAlterConfigs(changes).all());
        }
    }
}
