package io.orderflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.orderflow.deadletter.DeadLetterRoute;
import io.orderflow.kafka.PendingSends;

/** What a poll batch commits, rolls back and acknowledges to Kafka, in which order. */
class PollBatchPolicyTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final RecordingBatchTransactions transactions = new RecordingBatchTransactions(log);
    private final PendingSends sends = new PendingSends();
    private final Processor policy = new PollBatchPolicy(transactions, sends).wrap(null, this::handle);
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private record Sent(String body, CompletableFuture<String> acknowledgement) {
        void acknowledge(List<String> log) {
            log.add("acknowledged " + body);
            acknowledgement.complete("ok");
        }
    }

    private void handle(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        log.add("handle " + body);
        if (body.startsWith("fail")) {
            throw new IllegalStateException("could not even dead-letter " + body);
        }
        if (body.startsWith("dead")) {
            exchange.setProperty(DeadLetterRoute.WRITTEN, true);
        }
        if (body.startsWith("send")) {
            CompletableFuture<String> acknowledgement = new CompletableFuture<>();
            sends.add(acknowledgement);
            sent.add(new Sent(body, acknowledgement));
        }
    }

    @Test
    void theRecordsOfOnePollShareOneTransactionCommittedBeforeTheirOffsets() throws Exception {
        run("a", 0, 10, false);
        run("b", 0, 11, false);
        run("c", 1, 7, false);
        run("d", 1, 8, true);

        assertThat(log).containsExactly("begin 1", "handle a", "handle b", "handle c", "handle d", "commit 1",
                "offset 0@11", "offset 1@8");
    }

    @Test
    void eachPollIsItsOwnBatch() throws Exception {
        run("a", 0, 10, true);
        run("b", 1, 7, false);
        run("c", 1, 8, true);

        assertThat(log).containsExactly("begin 1", "handle a", "commit 1", "offset 0@10",
                "begin 2", "handle b", "handle c", "commit 2", "offset 1@8");
    }

    @Test
    void aRecordThatFailsForGoodRollsTheBatchBackAndCommitsNoOffset() throws Exception {
        run("a", 0, 10, false);
        Exchange failed = run("fail-b", 0, 11, false);
        // the consumer reconnects and reads the batch again from offset 10
        run("a", 0, 10, false);

        assertThat(failed.getException()).hasMessageContaining("fail-b");
        assertThat(log).containsExactly("begin 1", "handle a", "handle fail-b", "rollback 1", "begin 2", "handle a");
        assertThat(log).noneMatch(entry -> entry.startsWith("offset"));
    }

    @Test
    void aDeadLetterEndsTheBatchSoTheRecordIsNeverDeadLetteredTwice() throws Exception {
        run("a", 0, 10, false);
        run("dead-b", 0, 11, false);
        run("c", 0, 12, true);

        assertThat(log).containsExactly("begin 1", "handle a", "handle dead-b", "commit 1", "offset 0@11",
                "begin 2", "handle c", "commit 2", "offset 0@12");
    }

    @Test
    void aFailedCommitLeavesTheExceptionAndCommitsNoOffset() throws Exception {
        transactions.failNextCommit(new IllegalStateException("disk full"));
        Exchange last = run("a", 0, 10, true);

        assertThat(last.getException()).hasMessage("disk full");
        assertThat(log).containsExactly("begin 1", "handle a", "commit 1 failed");
    }

    @Test
    void aBatchLeftUnfinishedByAStoppedConsumerIsRolledBackNotContinued() throws Exception {
        run("a", 0, 10, false);
        run("b", 0, 11, false);
        // the consumer stopped before c; after the restart it reads from the last committed offset again
        run("a", 0, 10, true);

        assertThat(log).containsExactly("begin 1", "handle a", "handle b", "rollback 1", "begin 2", "handle a",
                "commit 2", "offset 0@10");
    }

    @Test
    void theBatchCommitsOnlyOnceEverySendOfItsRecordsIsAcknowledged() throws Exception {
        run("send-a", 0, 10, false);
        run("send-b", 0, 11, false);
        assertThat(sends.isOpen()).as("sends of a batch are collected, not awaited one by one").isTrue();
        // acknowledged while the last record is being handled: the commit has to wait for them
        CompletableFuture.runAsync(() -> sent.forEach(s -> s.acknowledge(log)),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        run("c", 0, 12, true);

        assertThat(log).containsExactly("begin 1", "handle send-a", "handle send-b", "handle c",
                "acknowledged send-a", "acknowledged send-b", "commit 1", "offset 0@12");
        assertThat(sends.isOpen()).isFalse();
    }

    @Test
    void aFailedSendRollsTheBatchBackAndCommitsNoOffset() throws Exception {
        run("send-a", 0, 10, false);
        sent.get(0).acknowledgement().completeExceptionally(new IllegalStateException("broker gone"));
        Exchange last = run("b", 0, 11, true);

        assertThat(last.getException()).hasRootCauseMessage("broker gone");
        assertThat(log).containsExactly("begin 1", "handle send-a", "handle b", "rollback 1");
        assertThat(sends.isOpen()).isFalse();
    }

    @Test
    void aRecordThatDidNotComeFromAPollIsABatchOfOne() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody("a");
        policy.process(exchange);

        assertThat(exchange.getException()).isNull();
        assertThat(log).containsExactly("begin 1", "handle a", "commit 1");
    }

    private Exchange run(String body, int partition, long offset, boolean lastOfPoll) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, "order-events");
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, partition);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, offset);
        exchange.getMessage().setHeader(KafkaConstants.LAST_POLL_RECORD, lastOfPoll);
        exchange.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT,
                (KafkaManualCommit) () -> log.add("offset " + partition + "@" + offset));
        policy.process(exchange);
        return exchange;
    }
}
