package io.orderflow.reliability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.spi.Policy;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.deadletter.DeadLetterRoute;
import io.orderflow.kafka.PendingSends;
import io.orderflow.kafka.RouteCommitFactory;

/**
 * Makes the records of one poll share one database transaction, and commits their Kafka offsets, in one request,
 * only after that transaction committed.
 * <p>
 * A commit per record made the database the bottleneck of every stage (the benchmark profile was H2 writing a
 * store chunk per commit), and a commit per partition still cost the order stage, which reads twelve partitions,
 * up to twelve database commits and twelve offset round trips per poll. Each record still gets its own retries and
 * dead letter: its effect runs in a nested transaction (a savepoint), so a failed attempt undoes only its own
 * writes. The batch ends with the poll's last record (camel-kafka's {@code LAST_POLL_RECORD} header), or early
 * after a dead letter, so a dead-lettered record is never processed, and dead-lettered, a second time.
 * <p>
 * Events the records emit are sent without waiting for each acknowledgement ({@link PendingSends}); the batch waits
 * for all of them before it commits. If a record fails for good (its dead-letter write failed), a send or the
 * commit fails, the batch is rolled back and the exception left on the exchange: with {@code breakOnFirstError}
 * the consumer reconnects and polls again from the last committed offsets, the start of this batch, because
 * offsets are only committed here ({@link RouteCommitFactory}). Events the rolled-back records had already sent
 * are sent again with the same event ids and ignored downstream as duplicates.
 * <p>
 * The open batch is kept per consumer thread: camel-kafka processes a poll's records one by one on the thread that
 * polled them.
 */
public final class PollBatchPolicy implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger(PollBatchPolicy.class);

    private final BatchTransactions transactions;
    private final PendingSends sends;
    private final ThreadLocal<OpenBatch> open = new ThreadLocal<>();

    public PollBatchPolicy(BatchTransactions transactions, PendingSends sends) {
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
            close();
            rollback(batch);
            return;
        }
        batch.processed(position);
        if (position.lastOfPoll() || exchange.getProperty(DeadLetterRoute.WRITTEN, false, Boolean.class)) {
            close();
            try {
                commit(batch);
            } catch (Exception e) {
                exchange.setException(e);
            }
        }
    }

    private OpenBatch join(RecordPosition position) {
        OpenBatch batch = open.get();
        if (batch != null && !batch.continuedBy(position)) {
            // the consumer stopped in the middle of a poll, or was sent back to an earlier offset: what the
            // unfinished batch wrote was never acknowledged by an offset commit, so it will be read again
            LOG.warn("rolling back an unfinished batch before {}", position);
            close();
            rollback(batch);
            batch = null;
        }
        if (batch == null) {
            batch = new OpenBatch(transactions.begin());
            open.set(batch);
            sends.open();
        }
        return batch;
    }

    private void commit(OpenBatch batch) {
        try {
            sends.awaitAll();
        } catch (RuntimeException e) {
            rollback(batch);
            throw e;
        }
        batch.transaction.commit();
        RouteCommitFactory.commitTogether(batch.offsets.values());
    }

    private void close() {
        open.remove();
    }

    private void rollback(OpenBatch batch) {
        sends.discard();
        try {
            batch.transaction.rollback();
        } catch (RuntimeException e) {
            LOG.warn("rollback of a batch failed", e);
        }
    }

    private static final class OpenBatch {
        private final BatchTransactions.Transaction transaction;
        private final Map<TopicPartition, Long> lastOffsets = new LinkedHashMap<>();
        private final Map<TopicPartition, KafkaManualCommit> offsets = new LinkedHashMap<>();

        private OpenBatch(BatchTransactions.Transaction transaction) {
            this.transaction = transaction;
        }

        boolean continuedBy(RecordPosition next) {
            if (next.partition() == null) {
                return false;
            }
            Long last = lastOffsets.get(next.partition());
            return last == null || next.offset() > last;
        }

        void processed(RecordPosition position) {
            if (position.partition() != null) {
                lastOffsets.put(position.partition(), position.offset());
                if (position.commit() != null) {
                    offsets.put(position.partition(), position.commit());
                }
            }
        }
    }

    /** Where a record sits; a record without camel-kafka's poll headers (not from a Kafka poll) is a batch of one. */
    private record RecordPosition(TopicPartition partition, Long offset, boolean lastOfPoll,
                                  KafkaManualCommit commit) {

        static RecordPosition of(Message message) {
            String topic = message.getHeader(KafkaConstants.TOPIC, String.class);
            Integer partition = message.getHeader(KafkaConstants.PARTITION, Integer.class);
            Long offset = message.getHeader(KafkaConstants.OFFSET, Long.class);
            boolean known = topic != null && partition != null && offset != null;
            return new RecordPosition(known ? new TopicPartition(topic, partition) : null, offset,
                    !Objects.equals(message.getHeader(KafkaConstants.LAST_POLL_RECORD, Boolean.class),
                            Boolean.FALSE),
                    message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        }

        @Override
        public String toString() {
            return partition + "@" + offset;
        }
    }
}
