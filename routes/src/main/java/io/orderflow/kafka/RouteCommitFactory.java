package io.orderflow.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves every offset commit to the route. camel-kafka picks its commit manager by the factory's class: for its own
 * factories it commits by itself after each partition of a poll (and for the records before a failing one), which
 * would commit records whose database transaction has not committed yet. Any other factory gets the no-op commit
 * manager, so the only commits are the ones the route makes with the
 * {@link org.apache.camel.component.kafka.KafkaConstants#MANUAL_COMMIT} header once its transaction is durable.
 */
public final class RouteCommitFactory implements KafkaManualCommitFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RouteCommitFactory.class);

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record,
                                         CommitManager commitManager) {
        return new RouteCommit(exchange, record);
    }

    /** Commits the offset after one record; {@link #commitTogether} commits several partitions in one request. */
    public static final class RouteCommit extends DefaultKafkaManualCommit {

        RouteCommit(CamelExchangePayload exchange, KafkaRecordPayload record) {
            super(exchange, record);
        }

        @Override
        public void commit() {
            commitTogether(List.of(this));
        }

        private OffsetAndMetadata next() {
            return new OffsetAndMetadata(getRecordOffset() + 1);
        }

        private Consumer<?, ?> consumer() {
            return getCamelExchangePayload().consumer;
        }
    }

    /**
     * Commits the offsets after the given records, in one request per consumer, so a poll that touched twelve
     * partitions costs one broker round trip, not twelve. The commit is asynchronous: it is only ever made after
     * the records' database transaction committed, so a commit that is lost (the broker or this process failing
     * before it lands) only means the records are read again, and the stages ignore them as duplicates. Waiting
     * for it would add a round trip to every hop of every order. The consumer sends pending commits before it
     * closes. Commits of another kind commit themselves.
     */
    public static void commitTogether(Collection<? extends KafkaManualCommit> commits) {
        Map<Consumer<?, ?>, Map<TopicPartition, OffsetAndMetadata>> byConsumer = new HashMap<>();
        for (KafkaManualCommit commit : commits) {
            if (commit instanceof RouteCommit route) {
                byConsumer.computeIfAbsent(route.consumer(), c -> new HashMap<>())
                        .put(route.getPartition(), route.next());
            } else {
                commit.commit();
            }
        }
        byConsumer.forEach((consumer, offsets) -> consumer.commitAsync(offsets, (committed, failure) -> {
            if (failure != null) {
                LOG.warn("offset commit {} failed, those records will be read again: {}", committed,
                        failure.toString());
            }
        }));
    }
}
