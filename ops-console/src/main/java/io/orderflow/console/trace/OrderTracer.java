package io.orderflow.console.trace;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import io.orderflow.console.kafka.EnvelopeFields;
import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.KafkaClients;
import io.orderflow.console.kafka.Offsets;
import io.orderflow.contract.Topic;

/**
 * Finds every event of one order across the five topics and their dead-letter topics, reading Kafka directly.
 *
 * <p>Records are keyed by orderId and produced with Kafka's default partitioner, and a dead letter keeps its
 * partition number, so only the one partition the orderId hashes to is read on each of those topics. Cart events
 * are keyed by cartId: all cart partitions are read for the checkout that names the order, then the cart's own
 * partition for the cart's earlier events. Bounded by a time budget and a number of events; the result says when
 * it stopped short.
 */
public final class OrderTracer {

    static final Duration BUDGET = Duration.ofSeconds(20);
    /** Events kept per scan; a key with thousands of records (a poison key replayed in a loop) stops here. */
    static final int MAX_EVENTS = 2_000;
    private static final Set<String> CART_TOPICS = Set.of(Topic.CART.topicName(), Topic.CART.deadLetterTopic());

    private final KafkaClients clients;

    public OrderTracer(KafkaClients clients) {
        this.clients = clients;
    }

    public OrderTrace trace(String orderId) throws ExecutionException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + BUDGET.toNanos();
        Map<String, Integer> partitions = Offsets.partitionCounts(clients.admin(), Topic.allTopicNames());
        List<EventRecord> found = new ArrayList<>();
        long scanned;
        boolean complete;
        byte[] key = orderId.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer("trace", 1000)) {
            Set<TopicPartition> byKey = new LinkedHashSet<>();
            Set<TopicPartition> allCart = new LinkedHashSet<>();
            partitions.forEach((topic, count) -> {
                if (CART_TOPICS.contains(topic)) {
                    Offsets.partitions(Map.of(topic, count)).forEach(allCart::add);
                } else {
                    byKey.add(partitionFor(topic, key, count));
                }
            });
            Scan orders = scan(consumer, byKey, r -> Arrays.equals(r.key(), key), deadline);
            Scan checkouts = scan(consumer, allCart, r -> mentions(r.value(), orderId), deadline);
            found.addAll(orders.matches());
            Set<String> carts = new LinkedHashSet<>();
            checkouts.matches().forEach(r -> carts.add(r.key()));
            Set<TopicPartition> cartPartitions = new LinkedHashSet<>();
            for (String cart : carts) {
                byte[] cartKey = cart.getBytes(StandardCharsets.UTF_8);
                partitions.forEach((topic, count) -> {
                    if (CART_TOPICS.contains(topic)) {
                        cartPartitions.add(partitionFor(topic, cartKey, count));
                    }
                });
            }
            Set<String> cartKeys = new HashSet<>(carts);
            Scan cartEvents = scan(consumer, cartPartitions,
                    r -> r.key() != null && cartKeys.contains(new String(r.key(), StandardCharsets.UTF_8)), deadline);
            found.addAll(cartEvents.matches());
            scanned = orders.scanned() + checkouts.scanned() + cartEvents.scanned();
            complete = orders.complete() && checkouts.complete() && cartEvents.complete();
        }
        return new OrderTrace(orderId, hops(found), scanned, complete, (System.nanoTime() - started) / 1_000_000);
    }

    /** The partition Kafka's default partitioner picks for a key. */
    static TopicPartition partitionFor(String topic, byte[] key, int partitions) {
        return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions);
    }

    /** Cheap byte check first; only records that contain the id are parsed to confirm it is their orderId. */
    private static boolean mentions(byte[] value, String orderId) {
        return value != null && new String(value, StandardCharsets.UTF_8).contains(orderId)
                && orderId.equals(EnvelopeFields.read(value).orderId());
    }

    private record Scan(List<EventRecord> matches, long scanned, boolean complete) {
    }

    /** Reads the partitions from their beginning to their end as of now, keeping the records that match. */
    private static Scan scan(KafkaConsumer<byte[], byte[]> consumer, Set<TopicPartition> partitions,
                             Predicate<ConsumerRecord<byte[], byte[]>> matches, long deadline) {
        if (partitions.isEmpty()) {
            return new Scan(List.of(), 0, true);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<EventRecord> found = new ArrayList<>();
        Set<TopicPartition> open = new HashSet<>(partitions);
        long scanned = 0;
        while (true) {
            List<TopicPartition> done = open.stream().filter(tp -> consumer.position(tp) >= ends.get(tp)).toList();
            consumer.pause(done);
            done.forEach(open::remove);
            if (open.isEmpty() || System.nanoTime() > deadline || found.size() >= MAX_EVENTS) {
                break;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    scanned++;
                    if (matches.test(record) && found.size() < MAX_EVENTS) {
                        found.add(EventRecord.of(record));
                    }
                }
            }
        }
        consumer.assign(List.of());
        return new Scan(found, scanned, open.isEmpty());
    }

    private static List<TraceHop> hops(List<EventRecord> records) {
        List<String> flowOrder = Topic.allTopicNames();
        List<EventRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(EventRecord::timestamp)
                .thenComparingInt(r -> flowOrder.indexOf(r.topic()))
                .thenComparingLong(EventRecord::offset));
        List<TraceHop> hops = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Long since = i == 0 ? null : sorted.get(i).timestamp() - sorted.get(i - 1).timestamp();
            hops.add(new TraceHop(sorted.get(i), since));
        }
        return hops;
    }
}
