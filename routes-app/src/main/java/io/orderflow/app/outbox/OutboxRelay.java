package io.orderflow.app.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.app.DaemonThreads;
import io.orderflow.outbox.OutboxRecord;

/**
 * Publishes committed outbox rows: at once when a transaction that wrote some commits ({@link #wake}), and every
 * sweep interval for rows left behind (a crash between commit and send, a broker that was down, rows of shards this
 * instance took over). Runs on its own thread, so no request, consumer or Camel thread ever waits for a broker.
 * <p>
 * A round sends the oldest waiting rows of this relay's shards in the order they were written, with an idempotent
 * acks=all producer, then waits (bounded) for the acknowledgements and removes the acknowledged rows. A row whose
 * send failed stays and is sent again by a later round with the same bytes, so the same event id, which consumers
 * ignore if they saw it. Within a round the producer keeps each partition's records in send order. Acknowledged rows
 * are removed a few rounds' worth at a time ({@link PendingRemovals}): within the removal interval, when a round
 * published a record a listener awaits, when a round's worth has gathered, before the leases are renewed (which can
 * give shards back) and at stop.
 * <p>
 * A row the broker refuses for good (too large, invalid topic) is parked: kept with its reason, reported in
 * health and metrics, and out of the way of the rows behind it.
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);
    /**
     * Counting the backlog reads every row of the outbox, so its cost grows with the backlog: at a fixed interval
     * it would take CPU from the drain just when one is under way. Each count waits this many times as long as the
     * last one took, which keeps the gauge under 1/(1 + this) of a core whatever the backlog.
     */
    private static final int BACKLOG_COUNT_SPACING = 20;
    private static final Duration MAX_PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

    private final OutboxRows rows;
    private final ShardLeases leases;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final Settings settings;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private volatile OutboxRows.Backlog backlog = OutboxRows.Backlog.EMPTY;
    private volatile String lastFailure;
    private volatile Instant failingSince;
    // the backlog is counted on a thread of its own: a round can wait for a cluster that is away for half a minute
    private final ScheduledExecutorService backlogCounter = 
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("outbox-backlog"));
    private Instant nextRenewal = Instant.MIN;
    private final PendingRemovals pending = new PendingRemovals();

    /**
     * @param sweepInterval   how long a committed row can wait when nothing woke the relay
     * @param batchSize       rows per round
     * @param publishTimeout  the longest a round waits for acknowledgements; longer than the producer's delivery
     *                        timeout, so every send of a round has its outcome when the round ends
     * @param renewInterval   how often the shard leases are renewed and evened out
     * @param removalInterval the longest an acknowledged row waits for its removal
     */
    public record Settings(Duration sweepInterval, int batchSize, Duration publishTimeout, Duration renewInterval,
                           Duration removalInterval) {
    }

    /**
     * @param lastFailure the last round's failure, null once a round succeeded
     * @param failingSince when publishing started failing, null while it works
     */
    public record Status(OutboxRows.Backlog backlog, Set<Integer> shards, String lastFailure, Instant failingSince) {
    }

    OutboxRelay(OutboxRows rows, ShardLeases leases, Producer<byte[], byte[]> producer, Clock clock,
                Settings settings) {
        this.rows = rows;
        this.leases = leases;
        this.producer = producer;
        this.clock = clock;
        this.settings = settings;
    }

    public Status status() {
        return new Status(backlog, leases.owned(), lastFailure, failingSince);
    }

    public boolean isRunning() {
        return running;
    }

    /** A transaction that wrote outbox rows committed: publish them now rather than at the next sweep. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    void start() {
        running = true;
        thread = DaemonThreads.named("outbox-relay").newThread(this::relay);
        thread.start();
        backlogCounter.execute(this::countBacklog);
    }

    private void countBacklog() {
        long started = System.nanoTime();
        try {
            backlog = rows.backlog();
        } catch (RuntimeException e) {
            LOG.debug("outbox relay: counting the backlog failed: {}", e.toString());
        }
        if (running) {
            backlogCounter.schedule(this::countBacklog,
                    nextBacklogCount(Duration.ofNanos(System.nanoTime() - started)).toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    static Duration nextBacklogCount(Duration lastCountTook) {
        Duration spaced = lastCountTook.multipliedBy(BACKLOG_COUNT_SPACING);
        return spaced.compareTo(BACKLOG_REFRESH) > 0 ? spaced : BACKLOG_REFRESH;
    }

    /** Publishes what it can in one last round, gives its shards back and closes the producer. */
    void stop(Duration timeout) {
        running = false;
        backlogCounter.shutdownNow();
        wake();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("outbox relay: still busy after {} ms; its rows stay for the next start", timeout.toMillis());
        }
        producer.close(Duration.ofSeconds(5));
    }

    private void relay() {
        int failuresInARow = 0;
        while (running) {
            try {
                int sent = round();
                failuresInARow = 0;
                if (sent < settings.batchSize()) {
                    await(idleWait());
                }
            } catch (Exception e) {
                failuresInARow++;
                lastFailure = e.toString();
                if (failingSince == null) {
                    failingSince = clock.instant();
                }
                if (failuresInARow == 1 || failuresInARow % 20 == 0) {
                    LOG.warn("outbox relay: publishing failed ({} in a row), retrying: {}", failuresInARow,
                            e.toString());
                }
                await(pauseAfter(failuresInARow));
            }
        }
        try {
            try {
                round(); // what the stopping application committed last
            } finally {
                removePublished();
            }
            leases.releaseAll();
        } catch (Exception e) {
            LOG.warn("outbox relay: last round at stop failed; the rows stay for the next start: {}", e.toString());
        }
    }

    private int round() throws InterruptedException {
        Instant now = clock.instant();
        if (!now.isBefore(nextRenewal)) {
            removePublished(); // a shard given back has no published rows left for its next relay to send again
            leases.renew();
            nextRenewal = now.plus(settings.renewInterval());
        }
        List<OutboxRow> batch = rows.next(leases.owned(), settings.batchSize(), pending.ids());
        Map<OutboxRow, CompletableFuture<RecordMetadata>> acks = send(batch);
        waitForOutcomes(acks.values());
        Map<OutboxRow, RecordMetadata> published = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        acks.forEach((row, ack) -> {
            if (!ack.isDone()) {
                failures.add("not acknowledged within " + settings.publishTimeout().toMillis() + " ms");
            } else if (!ack.isCompletedExceptionally()) {
                published.put(row, ack.join());
            } else {
                Throwable cause = ack.handle((metadata, failure) -> failure).join();
                if (isRefusedForGood(cause)) {
                    LOG.error("outbox relay: the broker refused a {} record for good; parked as outbox row {}: {}",
                            row.record().topic(), row.id(), cause.toString());
                    rows.park(row, cause.toString());
                } else {
                    failures.add(cause.toString());
                }
            }
        });
        boolean awaited = published.keySet().stream().anyMatch(rows::isAwaited);
        pending.add(published, clock.instant());
        if (awaited || pending.size() >= settings.batchSize() || !clock.instant().isBefore(removalDue())) {
            removePublished();
        }
        if (!failures.isEmpty()) {
            throw new KafkaException(failures.size() + " of " + acks.size() + " records not published, e.g. "
                    + failures.get(0));
        }
        if (lastFailure != null) {
            lastFailure = null;
            failingSince = null;
            LOG.info("outbox relay: publishing again");
        }
        return batch.size();
    }

    /**
     * Removes the acknowledged rows gathered so far and tells the listeners. Rows whose removal failed are forgotten
     * all the same: they are still in the table, and the next round sends them again.
     */
    private void removePublished() {
        if (!pending.isEmpty()) {
            rows.published(pending.drain());
        }
    }

    private Instant removalDue() {
        return pending.isEmpty() ? Instant.MAX : pending.oldest().plus(settings.removalInterval());
    }

    /** Until the next sweep, or the removal of the acknowledged rows if that comes sooner. */
    private Duration idleWait() {
        Instant now = clock.instant();
        Instant sweep = now.plus(settings.sweepInterval());
        Instant removal = removalDue();
        return Duration.between(now, removal.isBefore(sweep) ? removal : sweep);
    }

    /**
     * Hands the rows to the producer in order. A send that fails before it is even queued (no metadata within
     * max.block.ms: the cluster is away) ends the round there, so a round costs one such wait, not one per row.
     */
    private Map<OutboxRow, CompletableFuture<RecordMetadata>> send(List<OutboxRow> batch) {
        Map<OutboxRow, CompletableFuture<RecordMetadata>> acks = new LinkedHashMap<>();
        for (OutboxRow row : batch) {
            CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
            acks.put(row, ack);
            try {
                producer.send(toProducerRecord(row.record()), (metadata, failure) -> {
                    if (failure != null) {
                        ack.completeExceptionally(failure);
                    } else {
                        ack.complete(metadata);
                    }
                });
            } catch (KafkaException e) {
                ack.completeExceptionally(e);
                break;
            }
        }
        return acks;
    }

    /**
     * A dead letter names the partition of its original record; a dead-letter topic with fewer partitions than its
     * source gets the record on a partition chosen by key instead of a send that can never succeed.
     */
    private ProducerRecord<byte[], byte[]> toProducerRecord(OutboxRecord record) {
        Integer partition = record.partition();
        if (partition != null && partition >= producer.partitionsFor(record.topic()).size()) {
            LOG.warn("outbox relay: {} has no partition {}; the record goes to the partition of its key",
                    record.topic(), partition);
            partition = null;
        }
        return new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), record.headers());
    }

    private void waitForOutcomes(Collection<CompletableFuture<RecordMetadata>> acks)
            throws InterruptedException {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // each ack is looked at on its own afterwards
        }
    }

    private static boolean isRefusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException;
    }

    private void await(Duration timeout) {
        synchronized (signal) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!woken && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private static Duration pauseAfter(int failuresInARow) {
        long millis = 100L << Math.min(failuresInARow, 6);
        return Duration.ofMillis(Math.min(millis, MAX_PAUSE_AFTER_FAILURE.toMillis()));
    }
}
