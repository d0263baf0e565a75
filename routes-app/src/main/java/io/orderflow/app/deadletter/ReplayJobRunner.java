package io.orderflow.app.deadletter;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.orderflow.app.DaemonThreads;
import io.orderflow.app.deadletter.DeadLetterStore.Stored;
import io.orderflow.app.deadletter.ReplayJobStore.Item;
import io.orderflow.app.deadletter.ReplayJobStore.ItemOutcome;
import io.orderflow.app.deadletter.ReplayJobStore.Job;
import io.orderflow.app.deadletter.ReplayJobStore.State;
import io.orderflow.app.metrics.MicrometerReliabilityMetrics;

/**
 * Runs replay jobs one at a time on one background thread, through the throttled {@link ReplaySendRoute}. Each
 * item's outcome is committed with its effect (the dead letter resolved, the audit entry), so a job's counts are
 * always what happened. A job stops early when cancelled, when the app stops (INTERRUPTED), or after several sends
 * in a row failed (FAILED: Kafka is not taking records, and the rest would fail the same way).
 *
 * <p>Jobs are not resumed after a restart: a job that was queued or running is marked INTERRUPTED at start, with
 * its remaining count, and replaying the rest is a new dry run away (the sent ones are no longer pending). A record
 * acknowledged by Kafka just as the app died may be sent again by that next replay; the stages ignore it as a
 * duplicate (idempotent by event id).
 */
@Component
public class ReplayJobRunner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayJobRunner.class);
    static final int MAX_FAILURES_IN_A_ROW = 3;
    private static final int PAGE = 200;

    private final ReplayJobStore jobs;
    private final DeadLetterStore deadLetters;
    private final DeadLetterActions actions;
    private final AuditLog audit;
    private final ProducerTemplate producer;
    private final MicrometerReliabilityMetrics metrics;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("replay-jobs"));
    private volatile boolean running;

    public ReplayJobRunner(ReplayJobStore jobs, DeadLetterStore deadLetters, DeadLetterActions actions,
                           AuditLog audit, ProducerTemplate producer, MicrometerReliabilityMetrics metrics,
                           PlatformTransactionManager transactionManager, Clock clock) {
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.actions = actions;
        this.audit = audit;
        this.producer = producer;
        this.metrics = metrics;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    void submit(String id) {
        executor.execute(() -> run(id));
    }

    private void run(String id) {
        if (!running || !jobs.markRunning(id, clock.instant())) {
            return; // cancelled while queued, or the app is stopping (the job is interrupted at the next start)
        }
        Job job = jobs.find(id).orElseThrow();
        LOG.info("replay job {} started: {} dead letters at {}/s by {}", id, job.selected(), job.ratePerSecond(),
                job.requestedBy());
        Ending ending = replayAll(job);
        jobs.finish(id, ending.state(), ending.detail(), clock.instant());
        Job done = jobs.find(id).orElseThrow();
        String summary = "job " + id + ": sent " + done.sent() + ", refused " + done.refused() + ", failed "
                + done.failed() + ", not sent " + done.remaining() + (ending.detail() == null ? "" : "; " + ending.detail());
        audit.record(job.requestedBy(), AuditLog.Action.REPLAY_JOB, null, ending.state().name(), summary);
        LOG.info("replay job {}", summary);
    }

    private record Ending(State state, String detail) {
    }

    private Ending replayAll(Job job) {
        int failuresInARow = 0;
        int after = -1;
        List<Item> items;
        while (!(items = jobs.pendingItems(job.id(), after, PAGE)).isEmpty()) {
            for (Item item : items) {
                after = item.seq();
                if (!running) {
                    return new Ending(State.INTERRUPTED, "the app stopped before the job finished; replay the rest again");
                }
                if (jobs.state(job.id()) == State.CANCELLING) {
                    return new Ending(State.CANCELLED, "cancelled by an operator");
                }
                String failure = replayOne(job, item);
                failuresInARow = failure == null ? 0 : failuresInARow + 1;
                if (failuresInARow >= MAX_FAILURES_IN_A_ROW) {
                    return new Ending(State.FAILED, "stopped after " + failuresInARow + " sends in a row failed: "
                            + failure);
                }
            }
        }
        return new Ending(State.DONE, null);
    }

    /** Replays one item and records its outcome; returns the send failure, or null when it did not fail. */
    private String replayOne(Job job, Item item) {
        List<Stored> found = deadLetters.byIds(List.of(item.deadLetterId()));
        String refusal = found.isEmpty() ? "no such dead letter" : actions.refusal(found.get(0).deadLetter());
        if (refusal != null) {
            record(job, item, ItemOutcome.REFUSED, refusal, () -> { });
            return null;
        }
        Stored stored = found.get(0);
        Exchange result = producer.send(ReplaySendRoute.ENDPOINT, exchange -> {
            ReplayRecord.write(stored, job.requestedBy(), clock.millis(), exchange.getMessage());
            exchange.setProperty(ReplaySendRoute.RATE, job.ratePerSecond());
            exchange.setProperty(ReplaySendRoute.JOB, job.id());
        });
        if (result.getException() != null) {
            String reason = "send failed: " + result.getException().getMessage();
            LOG.warn("replay of {} in job {} failed", item.deadLetterId(), job.id(), result.getException());
            record(job, item, ItemOutcome.FAILED, reason, () -> { });
            return reason;
        }
        @SuppressWarnings("unchecked")
        RecordMetadata meta = ((List<RecordMetadata>) result.getMessage()
                .getHeader(KafkaConstants.KAFKA_RECORD_META, List.class)).get(0);
        String target = meta.topic() + "/" + meta.partition() + "/" + meta.offset();
        record(job, item, ItemOutcome.REPLAYED, "to " + target, () -> deadLetters.resolve(item.deadLetterId(),
                DeadLetter.State.REPLAYED, "replayed to " + target, job.requestedBy(), clock.instant()));
        metrics.replayed(stored.deadLetter().originalTopic());
        return null;
    }

    private void record(Job job, Item item, ItemOutcome outcome, String reason, Runnable effect) {
        transaction.executeWithoutResult(status -> {
            effect.run();
            jobs.recordItem(job.id(), item.seq(), outcome, reason);
            audit.record(job.requestedBy(), AuditLog.Action.REPLAY, item.deadLetterId(), outcome.name(),
                    reason + " (job " + job.id() + ")");
        });
    }

    @Override
    public void start() {
        int interrupted = jobs.interruptUnfinished(clock.instant());
        if (interrupted > 0) {
            LOG.warn("{} replay jobs were left unfinished by the last run and are marked INTERRUPTED", interrupted);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            // the current send finishes (or fails) within the producer's own timeouts; then the job records why
            // it stopped
            if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
