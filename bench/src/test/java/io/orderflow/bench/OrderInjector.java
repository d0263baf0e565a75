package io.orderflow.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import io.orderflow.contract.EventHeaders;
import io.orderflow.contract.EventType;
import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.order.Order;

/**
 * Puts OrderCreated events on a topic, exactly as the application publishes them (same envelope from the same
 * codec, key = orderId, type/id/correlation headers, the stages' producer settings). Payloads are encoded before the
 * clock starts, so injection costs only the send.
 */
final class OrderInjector implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    OrderInjector(Properties producerProperties, EventCodec codec) {
        Properties props = new Properties();
        props.putAll(producerProperties);
        props.put("client.id", "bench-injector"); // its I/O thread's name: CPU accounted to the bench
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.codec = codec;
    }

    List<ProducerRecord<String, String>> prepare(RunTracker run, String topic) {
        producer.partitionsFor(topic); // metadata before the clock starts
        List<ProducerRecord<String, String>> records = new ArrayList<>(run.size());
        for (int i = 0; i < run.size(); i++) {
            String orderId = run.orderId(i);
            OrderCreated created = new OrderCreated(orderId, InProcessApp.CUSTOMER, InProcessApp.ITEMS,
                    Order.totalOf(InProcessApp.ITEMS));
            EventEnvelope event = codec.newEvent(EventType.OrderCreated, orderId, "bench-" + run.run(), created);
            records.add(record(topic, event, codec));
        }
        return records;
    }

    static ProducerRecord<String, String> record(String topic, EventEnvelope event, EventCodec codec) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, event.type().name().getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        if (event.correlationId() != null) {
            headers.add(EventHeaders.CORRELATION_ID, event.correlationId().getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(topic, null, event.kafkaKey(), codec.encode(event), headers);
    }

    /** Everything at once: the pipeline starts with a full backlog (saturation). */
    void burst(RunTracker run, List<ProducerRecord<String, String>> records) {
        long start = System.nanoTime();
        run.injectionStarted(start);
        for (int i = 0; i < records.size(); i++) {
            run.sent(i, System.nanoTime());
            send(records.get(i));
        }
        producer.flush();
        run.injectionEnded(System.nanoTime());
        check();
    }

    /**
     * Open loop at a fixed rate: order i is due at start + i/rate whatever happened before, and its latency counts
     * from that due time, so a stalled injector or broker cannot hide queueing (no coordinated omission).
     */
    void paced(RunTracker run, List<ProducerRecord<String, String>> records, double perSecond) {
        long start = System.nanoTime() + 1_000_000;
        run.injectionStarted(start);
        double interval = 1e9 / perSecond;
        for (int i = 0; i < records.size(); i++) {
            long due = start + (long) (i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            run.sent(i, due);
            send(records.get(i));
        }
        run.injectionEnded(start + (long) (records.size() * interval));
        producer.flush();
        check();
    }

    private void send(ProducerRecord<String, String> record) {
        producer.send(record, (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private void check() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("injecting orders failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
