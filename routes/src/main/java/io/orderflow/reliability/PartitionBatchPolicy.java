package io.orderflow.reliability;

import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.spi.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.deadletter.DeadLetterRoute;
import io.orderflow.kafka.PendingSends;

/**
 * Makes the records one poll returned for one partition share one database transaction, and commits their Kafka
 * offset only after that transaction committed.
 * <p>
 * A commit per record made the database the bottleneck of every stage (the benchmark profile was H2 writing a
 * store chunk per commit). Each record still gets its own retries and dead letter: its effect runs in a nested
 * transaction (a savepoint), so a failed attempt undoes only its own writes. The batch ends with the last record of
 * the partition in the poll (camel-kafka's {@code LAST_RECORD_BEFORE_COMMIT} header), or early after a dead letter,
 * so a dead-lettered record is never processed, and dead-lettered, a second time.
 * <p>
 * Events the records emit are sent without waiting for each acknowledgement ({@link PendingSends}); the batch waits
 * for all of them before it commits. If a record fails for good (its dead-letter write failed), a send or the
 * commit fails, the batch is rolled back and the exception left on the exchange: with {@code breakOnFirstError} the consumer reconnects and polls again from the
 * last committed offset, which is the start of this batch, because offsets are only committed here
 * ({@link io.orderflow.kafka.RouteCommitFactory}). Events the rolled-back records had already sent are sent again
 * with the same event ids and ignored downstream as duplicates.
 * <p>
 * The open batch is kept per consumer thread: camel-kafka processes a poll's records one by one on the thread that
 * polled them.
 */
public final class PartitionBatchPolicy implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionBatchPolicy.class);

    private final BatchTransactions transactions;
    private final PendingSends sends;
    private final ThreadLocal<OpenBatch> open = new ThreadLocal<>();

    public PartitionBatchPolicy(BatchTransactions transactions, PendingSends sends) {
        this.transactions = transactions;
        this.sends = sends;
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> process(exchange, processor);
    }

    private void process(Exchange exchange, Processor processor) {
        // read before processing: a dead-lettered exchange carries the dead-letter record's headers afterwards
        RecordPosition position = RecordPosition.of(exchange.getMessage());
        OpenBatch batch = join(position);
        try {
            processor.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            close(batch);
            rollback(batch);
            return;
        }
        if (position.lastOfBatch() || exchange.getProperty(DeadLetterRoute.WRITTEN, false, Boolean.class)) {
            close(batch);
            try {
                commit(batch, position);
            } catch (Exception e) {
                exchange.setException(e);
            }
        }
    }

    private void commit(OpenBatch batch, RecordPosition position) {
        try {
            sends.awaitAll();
        } catch (RuntimeException e) {
            rollback(batch);
            throw e;
        }
        batch.transaction.commit();
        if (position.commit() != null) {
            position.commit().commit();
        }
    }

    private OpenBatch join(RecordPosition position) {
        OpenBatch batch = open.get();
        if (batch != null && !batch.continuedBy(position)) {
            // the consumer stopped in the middle of a poll, or was sent back to an earlier offset: what the
            // unfinished batch wrote was never acknowledged by an offset commit, so it will be read again
            LOG.warn("rolling back an unfinished batch of {}-{} before {}", batch.topic, batch.partition, position);
            close(batch);
            rollback(batch);
            batch = null;
        }
        if (batch == null) {
            batch = new OpenBatch(position.topic(), position.partition(), transactions.begin());
            open.set(batch);
            sends.open();
        }
        batch.lastOffset = position.offset();
        return batch;
    }

    private void close(OpenBatch batch) {
        if (open.get() == batch) {
            open.remove();
        }
    }

    private void rollback(OpenBatch batch) {
        sends.discard();
        try {
            batch.transaction.rollback();
        } catch (RuntimeException e) {
            LOG.warn("rollback of a batch of {}-{} failed", batch.topic, batch.partition, e);
        }
    }

    private static final class OpenBatch {
        private final String topic;
        private final Integer partition;
        private final BatchTransactions.Transaction transaction;
        private Long lastOffset;

        private OpenBatch(String topic, Integer partition, BatchTransactions.Transaction transaction) {
            this.topic = topic;
            this.partition = partition;
            this.transaction = transaction;
        }

        boolean continuedBy(RecordPosition next) {
            return topic != null && partition != null && lastOffset != null && next.offset() != null
                    && topic.equals(next.topic()) && partition.equals(next.partition())
                    && next.offset() > lastOffset;
        }
    }

    /** Where a record sits; a record without camel-kafka's batch header (not from a Kafka poll) is a batch of one. */
    private record RecordPosition(String topic, Integer partition, Long offset, boolean lastOfBatch,
                                  KafkaManualCommit commit) {

        static RecordPosition of(Message message) {
            return new RecordPosition(message.getHeader(KafkaConstants.TOPIC, String.class),
                    message.getHeader(KafkaConstants.PARTITION, Integer.class),
                    message.getHeader(KafkaConstants.OFFSET, Long.class),
                    !Objects.equals(message.getHeader(KafkaConstants.LAST_RECORD_BEFORE_COMMIT, Boolean.class),
                            Boolean.FALSE),
                    message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        }

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }
}
