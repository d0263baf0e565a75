package io.orderflow.console.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.KafkaClients;
import io.orderflow.console.kafka.KafkaPolling;
import io.orderflow.console.ui.Fx;

/**
 * Follows topics as records arrive, on its own thread with a group-less consumer (assign and seek: it joins no
 * group and commits nothing). Starts a few records back on each partition so the view is not empty, and picks up
 * partitions and topics that appear later from their beginning.
 *
 * <p>Records reach the FX thread in batches: at most one drain is queued on the FX thread at a time, and when
 * records arrive faster than the UI takes them the oldest waiting ones are dropped (and counted), so neither the
 * FX event queue nor memory grows without bound.
 */
final class LiveTail implements AutoCloseable {

    static final int BACKFILL_PER_PARTITION = 20;
    private static final int MAX_WAITING = 5_000;
    private static final Duration POLL = Duration.ofMillis(300);
    private static final long REASSIGN_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final KafkaClients clients;
    private final Consumer<List<EventRecord>> sink;
    private final Consumer<String> status;
    private final AtomicReference<Set<String>> wanted = new AtomicReference<>(Set.of());
    private final ConcurrentLinkedQueue<EventRecord> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /** {@code sink} and {@code status} are called on the FX thread. */
    LiveTail(KafkaClients clients, Consumer<List<EventRecord>> sink, Consumer<String> status) {
        this.clients = clients;
        this.sink = sink;
        this.status = status;
        this.thread = new Thread(this::run, "console-live-tail");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Switches the followed topics; call from any thread. */
    void follow(Set<String> topics) {
        wanted.set(Set.copyOf(topics));
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    long dropped() {
        return dropped.get();
    }

    private void run() {
        consumer = clients.consumer("tail", 500);
        Set<String> following = Set.of();
        long lastAssignment = 0;
        while (running) {
            try {
                Set<String> topics = wanted.get();
                if (!topics.equals(following) || System.nanoTime() - lastAssignment > REASSIGN_EVERY_NANOS) {
                    assign(topics, !topics.equals(following));
                    following = topics;
                    lastAssignment = System.nanoTime();
                }
                if (consumer.assignment().isEmpty()) {
                    // none of the topics exists yet (or none is selected): nothing to poll, look again shortly
                    pause();
                    continue;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    hand(records);
                }
            } catch (WakeupException e) {
                // follow() changed the topics: loop round and reassign
            } catch (RuntimeException e) {
                // the tail thread must outlive any failure: report it and start over with a fresh assignment
                report("waiting for the cluster: " + KafkaPolling.describe(e));
                lastAssignment = 0;
                pause();
            }
        }
        consumer.close(Duration.ofSeconds(1));
    }

    /**
     * Assigns every partition of the followed topics. On a new topic selection all partitions start a few records
     * back from the end; on a periodic refresh only partitions not seen before are added, from their beginning.
     */
    private void assign(Set<String> topics, boolean selectionChanged) {
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(3));
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        Set<TopicPartition> assigned = selectionChanged ? Set.of() : consumer.assignment();
        if (partitions.equals(assigned)) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(partitions);
        added.removeAll(assigned);
        consumer.assign(partitions);
        if (selectionChanged) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(added);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(added);
            added.forEach(tp -> consumer.seek(tp, Math.max(starts.get(tp), ends.get(tp) - BACKFILL_PER_PARTITION)));
        } else {
            consumer.seekToBeginning(added);
        }
        report(topics.isEmpty() ? "no topics selected"
                : "following " + topics.size() + " topics, " + partitions.size() + " partitions");
    }

    private void hand(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            waiting.add(EventRecord.of(record));
            if (waitingCount.incrementAndGet() > MAX_WAITING && waiting.poll() != null) {
                waitingCount.decrementAndGet();
                dropped.incrementAndGet();
            }
        }
        if (drainQueued.compareAndSet(false, true)) {
            Fx.run(this::drain);
        }
    }

    private void drain() {
        drainQueued.set(false);
        List<EventRecord> batch = new ArrayList<>();
        EventRecord record;
        while ((record = waiting.poll()) != null) {
            waitingCount.decrementAndGet();
            batch.add(record);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    private void report(String message) {
        Fx.run(() -> status.accept(message));
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        follow(Set.of());
    }
}
