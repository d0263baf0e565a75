package io.orderflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** What a batch of camel-kafka's batching consumer commits, rolls back and acknowledges to Kafka, in which order. */
class TransactionalBatchTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final RecordingBatchTransactions transactions = new RecordingBatchTransactions(log);
    private final TransactionalBatch batch = new TransactionalBatch("test", transactions, this::handle,
            new BatchBackoff(1, 2));

    private void handle(Exchange record) {
        String body = record.getMessage().getBody(String.class);
        log.add("handle " + body);
        if (body.startsWith("fail")) {
            record.setException(new IllegalStateException("could not even dead-letter " + body));
        }
        if (body.startsWith("throw")) {
            throw new IllegalStateException("handler threw for " + body);
        }
    }

    @Test
    void theRecordsOfOneBatchShareOneTransactionCommittedBeforeTheirOffsets() throws Exception {
        run(record("a", 0, 10), record("b", 0, 11), record("c", 1, 7), record("d", 1, 8));

        assertThat(log).containsExactly("begin 1", "handle a", "handle b", "handle c", "handle d", "commit 1",
                "offset 0@11", "offset 1@8");
    }

    @Test
    void eachBatchIsItsOwnTransaction() throws Exception {
        run(record("a", 0, 10));
        run(record("b", 1, 7), record("c", 1, 8));

        assertThat(log).containsExactly("begin 1", "handle a", "commit 1", "offset 0@10",
                "begin 2", "handle b", "handle c", "commit 2", "offset 1@8");
    }

    @Test
    void aRecordThatFailsForGoodRollsTheBatchBackAndCommitsNoOffset() {
        assertThatThrownBy(() -> run(record("a", 0, 10), record("fail-b", 0, 11), record("c", 0, 12)))
                .isInstanceOf(TransactionalBatch.BatchFailedException.class)
                .hasMessageContaining("order-events-0@11")
                .hasRootCauseMessage("could not even dead-letter fail-b");

        assertThat(log).containsExactly("begin 1", "handle a", "handle fail-b", "rollback 1");
    }

    @Test
    void aHandlerThatThrowsRollsTheBatchBackToo() {
        assertThatThrownBy(() -> run(record("a", 0, 10), record("throw-b", 0, 11)))
                .hasMessage("handler threw for throw-b");

        assertThat(log).containsExactly("begin 1", "handle a", "handle throw-b", "rollback 1");
    }

    @Test
    void aFailedCommitCommitsNoOffset() {
        transactions.failNextCommit(new IllegalStateException("disk full"));

        assertThatThrownBy(() -> run(record("a", 0, 10))).hasMessage("disk full");
        assertThat(log).containsExactly("begin 1", "handle a", "commit 1 failed");
    }

    @Test
    void aFailedOffsetCommitDoesNotFailTheCommittedBatch() throws Exception {
        Exchange refused = record("a", 0, 10);
        refused.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, (KafkaManualCommit) () -> {
            throw new IllegalStateException("partition revoked");
        });

        run(refused, record("b", 1, 3));

        assertThat(log).containsExactly("begin 1", "handle a", "handle b", "commit 1", "offset 1@3");
    }

    @Test
    void aRecordThatDidNotComeFromABatchingConsumerIsABatchOfOne() throws Exception {
        Exchange single = new DefaultExchange(camel);
        single.getMessage().setBody("a");

        batch.process(single);

        assertThat(log).containsExactly("begin 1", "handle a", "commit 1");
    }

    @Test
    void whereARollbackUndoesEverythingABatchRunsOnceWithoutSavepointsWhenNothingFails() throws Exception {
        TransactionalBatch optimistic = optimisticBatch();
        Exchange a = record("a", 0, 10);

        run(optimistic, a, record("b", 1, 3));

        assertThat(log).containsExactly("begin 1", "handle a optimistic", "after a", "handle b optimistic", "after b",
                "commit 1", "committed a", "committed b", "offset 0@10", "offset 1@3");
        assertThat(OptimisticPass.isOn(a)).as("the record as read is left as it was").isFalse();
    }

    @Test
    void aRecordThatFailsTheOptimisticPassRollsItBackAndTheBatchRunsRecordByRecord() throws Exception {
        TransactionalBatch optimistic = optimisticBatch();

        run(optimistic, record("a", 0, 10), record("flaky-b", 0, 11), record("c", 0, 12));

        // what the pass left outside the database ("committed a") never happens: only the careful pass counts
        assertThat(log).containsExactly("begin 1", "handle a optimistic", "after a", "handle flaky-b optimistic",
                "rollback 1",
                "begin 2", "handle a", "after a", "committed a", "handle flaky-b", "after flaky-b",
                "committed flaky-b", "handle c", "after c", "committed c", "commit 2", "offset 0@12");
    }

    @Test
    void aHandlerThatThrowsInTheOptimisticPassGetsTheCarefulPassToo() {
        TransactionalBatch optimistic = optimisticBatch();

        assertThatThrownBy(() -> run(optimistic, record("a", 0, 10), record("throw-b", 0, 11)))
                .hasMessage("handler threw for throw-b");

        assertThat(log).containsExactly("begin 1", "handle a optimistic", "after a", "handle throw-b optimistic",
                "rollback 1", "begin 2", "handle a", "after a", "committed a", "handle throw-b", "rollback 2");
    }

    @Test
    void workDeferredByTheRecordsOfAPassIsWrittenOnceBeforeItCommits() throws Exception {
        TransactionalBatch optimistic = keyGatheringBatch(false);

        run(optimistic, record("a", 0, 10), record("b", 0, 11));
        run(optimistic, record("c", 0, 12));

        assertThat(log).containsExactly("begin 1", "write keys [a, b]", "commit 1", "offset 0@11",
                "begin 2", "write keys [c]", "commit 2", "offset 0@12");
    }

    @Test
    void deferredWorkThatFailsRollsThePassBackAndTheBatchRunsRecordByRecord() throws Exception {
        TransactionalBatch optimistic = keyGatheringBatch(true);

        run(optimistic, record("a", 0, 10), record("b", 0, 11));

        assertThat(log).containsExactly("begin 1", "write keys [a, b]", "rollback 1",
                "begin 2", "key a", "key b", "commit 2", "offset 0@11");
    }

    /** A handler that, like the stages' idempotency keys, writes a key per record: gathered in a pass, else at once. */
    private TransactionalBatch keyGatheringBatch(boolean writeFails) {
        Object owner = new Object();
        return new TransactionalBatch("test", new RecordingBatchTransactions(log, true), record -> {
            String key = record.getMessage().getBody(String.class);
            if (OptimisticPass.isOn(record)) {
                OptimisticPass.deferred(record, owner, GatheredKeys.class, () -> new GatheredKeys(writeFails))
                        .keys.add(key);
            } else {
                log.add("key " + key);
            }
        }, new BatchBackoff(1, 2));
    }

    private final class GatheredKeys implements OptimisticPass.Deferred {
        private final List<String> keys = new ArrayList<>();
        private final boolean fails;

        GatheredKeys(boolean fails) {
            this.fails = fails;
        }

        @Override
        public void beforeCommit() {
            log.add("write keys " + keys);
            if (fails) {
                throw new IllegalStateException("a key was there already");
            }
        }
    }

    private TransactionalBatch optimisticBatch() {
        return new TransactionalBatch("test", new RecordingBatchTransactions(log, true), record -> {
            String body = record.getMessage().getBody(String.class);
            boolean optimistic = OptimisticPass.isOn(record);
            log.add("handle " + body + (optimistic ? " optimistic" : ""));
            if (body.startsWith("throw")) {
                throw new IllegalStateException("handler threw for " + body);
            }
            if (body.startsWith("flaky") && optimistic) {
                record.setException(new IllegalStateException("the first attempt of " + body + " failed"));
                return;
            }
            log.add("after " + body);
            OptimisticPass.afterCommit(record, () -> log.add("committed " + body));
        }, new BatchBackoff(1, 2));
    }

    @Test
    void theBackoffDoublesUpToItsLimit() {
        BatchBackoff backoff = new BatchBackoff(500, 10_000);

        assertThat(List.of(1, 2, 3, 5, 6, 50).stream().map(backoff::pauseAfter))
                .containsExactly(500L, 1_000L, 2_000L, 8_000L, 10_000L, 10_000L);
    }

    private void run(Exchange... records) throws Exception {
        run(batch, records);
    }

    private void run(TransactionalBatch handler, Exchange... records) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(new ArrayList<>(List.of(records)));
        handler.process(exchange);
    }

    private Exchange record(String body, int partition, long offset) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, "order-events");
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, partition);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, offset);
        exchange.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT,
                (KafkaManualCommit) () -> log.add("offset " + partition + "@" + offset));
        return exchange;
    }
}
