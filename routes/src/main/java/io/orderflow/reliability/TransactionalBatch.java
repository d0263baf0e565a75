package io.orderflow.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one batch of camel-kafka's batching consumer ({@code batching=true}: the body is the list of the records'
 * exchanges) in one database transaction, and commits the batch's offsets only after that transaction committed.
 * <p>
 * A transaction per record made the database the bottleneck of every stage; a transaction per batch keeps each
 * record's own retries and dead letter, because the per-record handler runs each record's effect as a savepoint and
 * writes its dead letter, like its events, to the outbox inside the same transaction. So the batch commits as one:
 * effects, idempotency keys, outgoing events and dead letters, or none of them. Where a rollback undoes all of a
 * batch's work ({@link BatchTransactions#undoesEverything()}), the batch is first tried without the savepoints
 * ({@link OptimisticPass}), and run record by record only when a record of it failed.
 * <p>
 * A record the handler could not finish (its dead letter could not be written, the database went away) rolls the
 * whole batch back. After a pause ({@link BatchBackoff}) the failure is left on the exchange: with
 * {@code breakOnFirstError} camel-kafka reconnects and reads the batch again from the last committed offsets, which
 * are this batch's start because nothing else commits them ({@code autoCommitEnable=false}, and the sync commit
 * manager of {@code DefaultKafkaManualCommitFactory} commits only when told to in batching mode; checked in the
 * camel-kafka 4.18 sources).
 */
public final class TransactionalBatch implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalBatch.class);

    private final String name;
    private final BatchTransactions transactions;
    private final Processor perRecord;
    private final BatchBackoff backoff;

    /**
     * @param perRecord handles one record's exchange; a failure it could not handle is thrown or left on the exchange
     */
    public TransactionalBatch(String name, BatchTransactions transactions, Processor perRecord, BatchBackoff backoff) {
        this.name = name;
        this.transactions = transactions;
        this.perRecord = perRecord;
        this.backoff = backoff;
    }

    @Override
    public void process(Exchange batch) throws Exception {
        List<Exchange> records = records(batch);
        if (records.isEmpty()) {
            return;
        }
        try {
            boolean committed = transactions.undoesEverything() && runOptimistically(records);
            if (!committed) {
                runInOneTransaction(records);
            }
        } catch (Exception e) {
            long pause = backoff.failed();
            LOG.warn("{}: a batch of {} records was rolled back and will be read again after {} ms: {}", name,
                    records.size(), pause, e.toString());
            throw e;
        }
        backoff.succeeded();
        commitOffsets(records);
    }

    /**
     * Runs the batch as an {@link OptimisticPass}: on copies of the records, effects without savepoints.
     *
     * @return true when it committed; false when a record failed and the pass was rolled back, leaving nothing
     */
    private boolean runOptimistically(List<Exchange> records) {
        OptimisticPass pass = new OptimisticPass();
        BatchTransactions.Transaction transaction = transactions.begin();
        try {
            for (Exchange record : records) {
                Exchange attempt = pass.attempt(record);
                perRecord.process(attempt);
                if (attempt.getException() != null) {
                    throw attempt.getException();
                }
            }
            pass.beforeCommit();
        } catch (Exception e) {
            rollback(transaction);
            LOG.debug("{}: a record of a batch of {} failed, the batch runs again record by record: {}", name,
                    records.size(), e.toString());
            return false;
        }
        transaction.commit();
        pass.committed();
        return true;
    }

    /** Runs the batch record by record: each record's effect in a savepoint, with its retries and dead letter. */
    private void runInOneTransaction(List<Exchange> records) throws Exception {
        BatchTransactions.Transaction transaction = transactions.begin();
        try {
            for (Exchange record : records) {
                perRecord.process(record);
                if (record.getException() != null) {
                    throw new BatchFailedException(position(record.getMessage()), record.getException());
                }
            }
        } catch (Exception e) {
            rollback(transaction);
            throw e;
        }
        transaction.commit();
    }

    private void rollback(BatchTransactions.Transaction transaction) {
        try {
            transaction.rollback();
        } catch (RuntimeException e) {
            // the connection is likely gone with the database; the database drops the transaction with it
            LOG.warn("{}: rollback of a batch failed: {}", name, e.toString());
        }
    }

    /**
     * Commits, for each partition of the batch, the offset after its last record, once the transaction committed.
     * camel-kafka's {@link KafkaManualCommit#commit()} of the sync factory costs a broker round trip per partition,
     * and the order stage reads twelve; the consumer those commits carry takes all of a batch's partitions in one
     * synchronous request, on this, its own polling thread, bounded by the endpoint's commit timeout. A commit that
     * fails (a rebalance took the partition) is not a reason to fail the batch: the database work is durable, and
     * the records, read again by whoever owns the partition now, are ignored as duplicates.
     */
    private void commitOffsets(List<Exchange> records) {
        Map<TopicPartition, KafkaManualCommit> lastPerPartition = new LinkedHashMap<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            KafkaManualCommit commit = message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit != null) {
                lastPerPartition.put(new TopicPartition(message.getHeader(KafkaConstants.TOPIC, String.class),
                        message.getHeader(KafkaConstants.PARTITION, Integer.class)), commit);
            }
        }
        Map<Consumer<?, ?>, Map<TopicPartition, OffsetAndMetadata>> byConsumer = new HashMap<>();
        long timeoutMs = 0;
        for (var entry : lastPerPartition.entrySet()) {
            if (entry.getValue() instanceof DefaultKafkaManualCommit camelCommit) {
                byConsumer.computeIfAbsent(camelCommit.getCamelExchangePayload().consumer, c -> new HashMap<>())
                        .put(entry.getKey(), new OffsetAndMetadata(camelCommit.getRecordOffset() + 1));
                timeoutMs = Math.max(timeoutMs, camelCommit.getCommitTimeout());
            } else {
                commit(entry.getKey().toString(), entry.getValue()::commit);
            }
        }
        Duration timeout = Duration.ofMillis(timeoutMs);
        byConsumer.forEach((consumer, offsets) -> commit(offsets.keySet().toString(),
                () -> consumer.commitSync(offsets, timeout)));
    }

    private void commit(String partitions, Runnable commit) {
        try {
            commit.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: offset commit for {} failed, its records will be read again and ignored: {}", name,
                    partitions, e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Exchange> records(Exchange batch) {
        Object body = batch.getMessage().getBody();
        if (body instanceof List<?> list) {
            return (List<Exchange>) list;
        }
        return List.of(batch); // not from a batching consumer (a direct: feed in a test): a batch of one
    }

    private static String position(Message record) {
        return record.getHeader(KafkaConstants.TOPIC) + "-" + record.getHeader(KafkaConstants.PARTITION) + "@"
                + record.getHeader(KafkaConstants.OFFSET);
    }

    /** A record of the batch could not be finished; the batch was rolled back. */
    public static final class BatchFailedException extends Exception {
        BatchFailedException(String position, Throwable cause) {
            super("record " + position + " could not be finished: " + cause, cause);
        }
    }
}
