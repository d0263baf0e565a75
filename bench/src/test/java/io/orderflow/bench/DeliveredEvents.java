package io.orderflow.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.orderflow.contract.EventHeaders;
import io.orderflow.contract.EventType;

/**
 * Sees orders reach DELIVERED from outside the application: a plain Kafka consumer (no group, no commits, so no load
 * on the application and nothing it could notice) on the topic of {@link EventType#OrderDelivered}, from its end at
 * construction on. Each OrderDelivered record's key (the order id) goes to the listener with this JVM's
 * {@link System#nanoTime()} of its arrival. The delivery stage publishes OrderDelivered through its outbox after its
 * commit; the order stage writes DELIVERED into the orders table when it consumes the same record, milliseconds later.
 */
final class DeliveredEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final AtomicLong seen = new AtomicLong();
    private volatile ObjLongConsumer<String> listener = (orderId, nanos) -> { };
    private volatile Throwable failure;

    DeliveredEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-delivered-events",
                // a fetch returns as soon as a record arrives (fetch.min.bytes 1): the default wait adds no latency
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        String topic = EventType.OrderDelivered.topic().topicName();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30))); // resolved before any load starts
        thread = new Thread(this::poll, "bench-delivered-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where each OrderDelivered goes from now on: order id and arrival time. */
    void listen(ObjLongConsumer<String> listener) {
        this.listener = listener;
    }

    /** OrderDelivered records seen since construction, of any order. */
    long seen() {
        return seen.get();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    long now = System.nanoTime();
                    Header type = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
                    if (type != null && EventType.OrderDelivered.name()
                            .equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        seen.incrementAndGet();
                        listener.accept(record.key(), now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** What stopped the consumer, or null while it runs. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
