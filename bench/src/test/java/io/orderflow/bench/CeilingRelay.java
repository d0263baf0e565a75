package io.orderflow.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.orderflow.contract.EventType;
import io.orderflow.contract.Topic;
import io.orderflow.dispatch.DispatchPlanner;
import io.orderflow.dispatch.Shipment;
import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.OrderDelivered;
import io.orderflow.event.Payloads.OrderDispatched;
import io.orderflow.event.Payloads.PaymentFailed;
import io.orderflow.event.Payloads.PaymentProcessed;
import io.orderflow.event.TimeOrderedIds;
import io.orderflow.order.OrderStatus;
import io.orderflow.payment.PaymentResult;
import io.orderflow.payment.PaymentService;

/**
 * The ceiling: the same four hops (payment, dispatch, delivery, order status) relayed by plain kafka-clients
 * consumers and producers, one thread per stage like the application, with the same JSON envelopes (decoded and
 * validated by the same codec), the same stage rules, the same broker, partitions and client settings
 * (acks=all, idempotence, linger, max.poll.records) - and no Camel, no database, no per-event synchronous send.
 * Still at-least-once: offsets are committed after the poll batch's sends were acknowledged.
 *
 * <p>{@link Mode#SYNC} instead waits for each send like the application does; it is a diagnostic that separates
 * the cost of synchronous sends from the cost of Camel and the database.
 */
final class CeilingRelay implements AutoCloseable {

    enum Mode { BATCHED, SYNC }

    static final String PREFIX = "bench-ceiling-";

    private final Properties consumerProperties;
    private final Properties producerProperties;
    private final EventCodec codec;
    private final PaymentService payments = new PaymentService(PaymentService.DEFAULT_LIMIT);
    private final DispatchPlanner planner = new DispatchPlanner(DispatchPlanner.DEFAULT_CARRIERS, Clock.systemUTC());
    private final List<Stage> stages = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile RunTracker tracker;
    private volatile Mode mode = Mode.BATCHED;

    CeilingRelay(Properties consumerProperties, Properties producerProperties, EventCodec codec) {
        this.consumerProperties = consumerProperties;
        this.producerProperties = producerProperties;
        this.codec = codec;
    }

    static String topic(Topic topic) {
        return PREFIX + topic.topicName();
    }

    /** Creates the ceiling's own topics like the application's: same partitions and replication. */
    static void createTopics(Map<String, Object> clientConfig, int partitions, short replicationFactor)
            throws Exception {
        try (AdminClient admin = AdminClient.create(clientConfig)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Arrays.stream(Topic.values())
                    .map(CeilingRelay::topic)
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, replicationFactor))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            List<String> all = new ArrayList<>(Topic.allTopicNames());
            Arrays.stream(Topic.values()).map(CeilingRelay::topic).forEach(all::add);
            awaitLeaders(admin, all);
        }
    }

    /**
     * Waits until the broker leads every partition of {@code topics}: ListOffsets is answered by the partition
     * leader only. The controller names a leader a moment before the broker acts as one, and an idempotent
     * producer whose first batch to a new partition got NOT_LEADER_OR_FOLLOWER while a later batch was appended
     * retried with OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (seen when the application had just
     * started and created its topics).
     */
    private static void awaitLeaders(AdminClient admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                // described inside the loop: a topic created a moment ago can still be unknown to the broker
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                for (TopicDescription d : admin.describeTopics(topics).allTopicNames()
                        .get(10, TimeUnit.SECONDS).values()) {
                    d.partitions().forEach(p -> partitions.put(new TopicPartition(d.name(), p.partition()),
                            OffsetSpec.latest()));
                }
                admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions without a working leader after 60 s", e);
                }
            }
            Thread.sleep(50); // interval between checks; the loop ends on the condition or the deadline
        }
    }

    void start() {
        stages.add(new Stage("payment", List.of(topic(Topic.ORDER)), this::pay));
        stages.add(new Stage("dispatch", List.of(topic(Topic.PAYMENT)), this::dispatch));
        stages.add(new Stage("delivery", List.of(topic(Topic.DISPATCH)), this::deliver));
        stages.add(new Stage("order",
                List.of(topic(Topic.PAYMENT), topic(Topic.DISPATCH), topic(Topic.DELIVERY)), null));
        stages.forEach(s -> s.thread.start());
    }

    void track(RunTracker tracker, Mode mode) {
        this.mode = mode;
        this.tracker = tracker;
    }

    Throwable failure() {
        return failure.get();
    }

    private EventEnvelope pay(EventEnvelope in) {
        if (in.type() != EventType.OrderCreated) {
            return null;
        }
        OrderCreated order = in.payload(OrderCreated.class);
        // derived from the event like PaymentHandler does
        String paymentId = "pay-" + TimeOrderedIds.derived(in.eventId(), "payment");
        PaymentResult result = payments.processPayment(paymentId, order.orderId(), order.total());
        return result.approved()
                ? codec.causedBy(in, EventType.PaymentProcessed,
                        new PaymentProcessed(paymentId, order.orderId(), order.total()))
                : codec.causedBy(in, EventType.PaymentFailed,
                        new PaymentFailed(paymentId, order.orderId(), order.total(), result.declineReason()));
    }

    private EventEnvelope dispatch(EventEnvelope in) {
        if (in.type() != EventType.PaymentProcessed) {
            return null;
        }
        PaymentProcessed paid = in.payload(PaymentProcessed.class);
        Shipment shipment = planner.plan(paid.orderId(), in.eventId());
        return codec.causedBy(in, EventType.OrderDispatched,
                new OrderDispatched(paid.orderId(), shipment.shipmentId(), shipment.carrier()));
    }

    private EventEnvelope deliver(EventEnvelope in) {
        if (in.type() != EventType.OrderDispatched) {
            return null;
        }
        OrderDispatched dispatched = in.payload(OrderDispatched.class);
        return codec.causedBy(in, EventType.OrderDelivered,
                new OrderDelivered(dispatched.orderId(), dispatched.shipmentId(), Clock.systemUTC().instant()));
    }

    @Override
    public void close() {
        stages.forEach(Stage::stop);
        for (Stage stage : stages) {
            try {
                stage.thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Stage implements Runnable {
        private final String name;
        private final List<String> topics;
        private final Function<EventEnvelope, EventEnvelope> relay;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, byte[]> consumer;
        /** The order stage's view of each order; status only moves forward, as in the application. */
        private final Map<String, OrderStatus> statuses = new HashMap<>();

        Stage(String name, List<String> topics, Function<EventEnvelope, EventEnvelope> relay) {
            this.name = name;
            this.topics = topics;
            this.relay = relay;
            this.thread = new Thread(this, "ceiling-" + name);
            this.thread.setDaemon(true);
        }

        void stop() {
            running = false;
            KafkaConsumer<String, byte[]> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        }

        @Override
        public void run() {
            Properties cprops = new Properties();
            cprops.putAll(consumerProperties);
            cprops.remove(ConsumerConfig.CLIENT_ID_CONFIG);
            cprops.put(ConsumerConfig.GROUP_ID_CONFIG, PREFIX + name);
            cprops.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            cprops.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            Properties pprops = new Properties();
            pprops.putAll(producerProperties);
            pprops.put("client.id", "bench-ceiling-" + name); // its I/O thread's name: CPU accounted to the bench
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cprops, new StringDeserializer(),
                    new ByteArrayDeserializer());
                 KafkaProducer<String, String> producer = relay == null ? null
                         : new KafkaProducer<>(pprops, new StringSerializer(), new StringSerializer())) {
                consumer = c;
                c.subscribe(topics);
                String out = relay == null ? null : topic(outTopic());
                AtomicReference<Exception> sendFailure = new AtomicReference<>();
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
                    if (records.isEmpty()) {
                        continue;
                    }
                    boolean sync = mode == Mode.SYNC;
                    for (ConsumerRecord<String, byte[]> record : records) {
                        EventEnvelope in = codec.decode(record.value());
                        if (relay == null) {
                            advance(in);
                            continue;
                        }
                        EventEnvelope next = relay.apply(in);
                        if (next == null) {
                            continue;
                        }
                        var send = OrderInjector.record(out, next, codec);
                        if (sync) {
                            producer.send(send).get();
                        } else {
                            producer.send(send, (meta, e) -> {
                                if (e != null) {
                                    sendFailure.compareAndSet(null, e);
                                }
                            });
                        }
                    }
                    if (producer != null && !sync) {
                        producer.flush(); // every send of the batch acknowledged before its offsets are committed
                    }
                    if (sendFailure.get() != null) {
                        throw sendFailure.get();
                    }
                    c.commitSync();
                }
            } catch (WakeupException e) {
                // closing
            } catch (Throwable e) {
                if (running) {
                    failure.compareAndSet(null, e);
                }
            }
        }

        private Topic outTopic() {
            return switch (name) {
                case "payment" -> Topic.PAYMENT;
                case "dispatch" -> Topic.DISPATCH;
                case "delivery" -> Topic.DELIVERY;
                default -> throw new IllegalStateException(name);
            };
        }

        private void advance(EventEnvelope event) {
            OrderStatus target;
            try {
                target = OrderStatus.causedBy(event.type());
            } catch (IllegalArgumentException e) {
                return;
            }
            OrderStatus current = statuses.getOrDefault(event.orderId(), OrderStatus.CREATED);
            if (!target.isAfter(current)) {
                return;
            }
            if (target.isFinal()) {
                statuses.remove(event.orderId());
                if (target == OrderStatus.DELIVERED) {
                    RunTracker t = tracker;
                    if (t != null) {
                        t.delivered(event.orderId(), System.nanoTime());
                    }
                }
            } else {
                statuses.put(event.orderId(), target);
            }
        }
    }
}
