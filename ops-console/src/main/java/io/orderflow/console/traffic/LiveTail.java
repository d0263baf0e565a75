package io.orderflow.console.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.KafkaClients;
import io.orderflow.console.kafka.KafkaPolling;
import io.orderflow.console.ui.Fx;

/**
 * The live tail's model: follows topics as records arrive, on its own thread with a group-less consumer (assign and
 * seek: it joins no group and commits nothing), into a bounded, time-ordered buffer the view shows. Each new
 * selection starts where {@link TailStart} says; partitions and topics that appear later are read from their
 * beginning. The console creates it and closes it.
 *
 * <p>Records reach the FX thread in batches: at most one drain is queued on the FX thread at a time, and when
 * records arrive faster than the UI takes them the oldest waiting ones are dropped (and counted), so neither the
 * FX event queue nor memory grows without bound.
 */
public final class LiveTail implements AutoCloseable {

    static final int BACKFILL_PER_PARTITION = 20;
    static final int CAPACITY = 5_000;
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final int MAX_WAITING = 5_000;
    private static final Duration POLL = Duration.ofMillis(300);
    private static final long REASSIGN_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    /** What to follow and from where; a new instance is a new selection. */
    private record Selection(Set<String> topics, TailStart start) {
    }

    private final KafkaClients clients;
    private final TailBuffer buffer = new TailBuffer(CAPACITY, MAX_BYTES);
    private final StringProperty status = new SimpleStringProperty("connecting…");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final LongProperty skippedWhilePaused = new SimpleLongProperty();
    private final AtomicReference<Selection> wanted = new AtomicReference<>(new Selection(Set.of(), TailStart.LATEST));
    private final ConcurrentLinkedQueue<EventRecord> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    public LiveTail(KafkaClients clients) {
        this.clients = clients;
        this.thread = new Thread(this::run, "console-live-tail");
        this.thread.setDaemon(true);
        paused.addListener((obs, was, now) -> skippedWhilePaused.set(0));
    }

    public void start() {
        thread.start();
    }

    /** Follows these topics from {@code start}; call from any thread. */
    public void follow(Set<String> topics, TailStart start) {
        wanted.set(new Selection(Set.copyOf(topics), start));
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** The followed records, oldest first; FX thread. */
    public ObservableList<EventRecord> records() {
        return buffer.records();
    }

    public void clear() {
        buffer.clear();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** While paused, arriving records are counted, not kept. */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyLongProperty skippedWhilePausedProperty() {
        return skippedWhilePaused;
    }

    public long dropped() {
        return dropped.get();
    }

    private void run() {
        consumer = clients.consumer("tail", 500);
        Selection following = null;
        long lastAssignment = 0;
        while (running) {
            try {
                Selection selection = wanted.get();
                if (selection != following || System.nanoTime() - lastAssignment > REASSIGN_EVERY_NANOS) {
                    assign(selection, selection != following);
                    following = selection;
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
                // follow() changed the selection: loop round and reassign
            } catch (RuntimeException e) {
                // the tail thread must outlive any failure: report it and start over with a fresh assignment
                report("waiting for the cluster: " + KafkaPolling.describe(e));
                following = null;
                pause();
            }
        }
        consumer.close(Duration.ofSeconds(1));
    }

    /**
     * Assigns the partitions of the followed topics the start reads. On a new selection every partition starts
     * where the selection says; on a periodic refresh only partitions not seen before are added, from their
     * beginning.
     */
    private void assign(Selection selection, boolean selectionChanged) {
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : selection.topics()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(3));
            if (infos != null) {
                infos.stream().filter(p -> selection.start().reads(p.partition()))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
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
            seek(added, selection.start());
            clearOnFx();
        } else {
            consumer.seekToBeginning(added);
        }
        report(selection.topics().isEmpty() ? "no topics selected"
                : "following " + selection.topics().size() + " topics, " + partitions.size() + " partitions, "
                + selection.start().kind().toString().toLowerCase());
    }

    private void seek(Set<TopicPartition> partitions, TailStart start) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> at = new HashMap<>();
        switch (start.kind()) {
            case LATEST -> partitions.forEach(tp -> at.put(tp, ends.get(tp) - BACKFILL_PER_PARTITION));
            case EARLIEST -> partitions.forEach(tp -> at.put(tp, starts.get(tp)));
            case OFFSET -> partitions.forEach(tp -> at.put(tp, start.partitions().isEmpty() ? start.offset()
                    : start.partitions().get(tp.partition())));
            case TIMESTAMP -> {
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(tp -> times.put(tp, start.at().toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
                // no record at or after the time: nothing to show yet, so start at the end
                partitions.forEach(tp -> at.put(tp, found.get(tp) == null ? ends.get(tp) : found.get(tp).offset()));
            }
        }
        // an offset outside what the partition holds starts at its nearest end
        at.forEach((tp, offset) -> consumer.seek(tp, Math.max(starts.get(tp), Math.min(ends.get(tp), offset))));
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
        if (batch.isEmpty()) {
            return;
        }
        if (paused.get()) {
            skippedWhilePaused.set(skippedWhilePaused.get() + batch.size());
        } else {
            buffer.addAll(batch);
        }
    }

    /** A new selection replaces what is shown; records of the old one still waiting are dropped with it. */
    private void clearOnFx() {
        waiting.clear();
        waitingCount.set(0);
        Fx.run(buffer::clear);
    }

    private void report(String message) {
        Fx.run(() -> status.set(message));
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
        follow(Set.of(), TailStart.LATEST);
    }
}
