package io.orderflow.kafka;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualSyncCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;

/**
 * Leaves every offset commit to the route. camel-kafka picks its commit manager by the factory's class: for its own
 * factories it commits by itself after each partition of a poll (and for the records before a failing one), which
 * would commit records whose database transaction has not committed yet. Any other factory gets the no-op commit
 * manager, so the only commits are the synchronous ones the route makes with the
 * {@link org.apache.camel.component.kafka.KafkaConstants#MANUAL_COMMIT} header once its transaction is durable.
 */
public final class RouteCommitFactory implements KafkaManualCommitFactory {

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record,
                                         CommitManager commitManager) {
        return new DefaultKafkaManualSyncCommit(exchange, record, commitManager);
    }
}
