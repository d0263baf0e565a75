package io.orderflow.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.orderflow.contract.DltHeaders;
import io.orderflow.contract.Topic;
import io.orderflow.app.AppTestSupport;
import io.orderflow.app.TopicReader;
import io.orderflow.event.InvalidEventException;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.DeadLetterRoute;
import io.orderflow.reliability.FaultSettings;
import io.orderflow.reliability.StageRouteBuilder;

/** Poison records on every topic land in their DLT with the full header convention, and nothing is lost. */
class DeadLetterIT extends AppTestSupport {

    /** Which stage groups read each topic, and the effect route that handles its valid events. */
    private static final Map<Topic, Map<String, String>> CONSUMERS = Map.of(
            Topic.CART, Map.of("orderflow-order", "order-create"),
            Topic.ORDER, Map.of("orderflow-payment", "payment-charge"),
            Topic.PAYMENT, Map.of("orderflow-dispatch", "dispatch-ship", "orderflow-order", "order-advance"),
            Topic.DISPATCH, Map.of("orderflow-delivery", "delivery-deliver", "orderflow-order", "order-advance"),
            Topic.DELIVERY, Map.of("orderflow-order", "order-advance"));
    private static final Map<String, String> ROUTE_OF_GROUP = Map.of("orderflow-order", "order",
            "orderflow-payment", "payment", "orderflow-dispatch", "dispatch", "orderflow-delivery", "delivery");

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void poisonOnEveryTopicIsDeadLetteredAndTheNextRecordIsProcessed() throws Exception {
        String cartId = "cart-" + UUID.randomUUID();
        post("/api/carts/" + cartId + "/items", "{\"productId\":\"p\",\"quantity\":1,\"price\":3.00}");
        String orderId = parse(post("/api/carts/" + cartId + "/checkout", "{\"customerId\":\"victim\"}"))
                .get("orderId").asText();
        awaitStatus(orderId, "DELIVERED");

        for (Topic topic : Topic.values()) {
            String key = topic == Topic.CART ? cartId : orderId;
            ConsumerRecord<String, byte[]> valid = topics().read(topic.topicName(), r -> key.equals(r.key())
                    && !"CartItemAdded".equals(TopicReader.header(r, "eventType"))).get(0);
            String poisonKey = "poison-" + topic.topicName() + "-" + UUID.randomUUID();
            RecordMetadata poison = producer.send(new ProducerRecord<>(topic.topicName(), valid.partition(),
                    poisonKey, "this is not json".getBytes(StandardCharsets.UTF_8))).get();
            // the same valid event again, right behind the poison: its consumers must get past the poison to it
            RecordMetadata next = producer.send(new ProducerRecord<>(topic.topicName(), valid.partition(), null,
                    valid.key(), valid.value(), valid.headers())).get();

            List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(topic, poisonKey,
                    CONSUMERS.get(topic).size());
            for (ConsumerRecord<String, byte[]> letter : dead) {
                assertThat(letter.partition()).isEqualTo(poison.partition());
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("this is not json");
                assertThat(text(letter, DltHeaders.ORIGINAL_TOPIC)).isEqualTo(topic.topicName());
                assertThat(DltHeaders.readInt32(raw(letter, DltHeaders.ORIGINAL_PARTITION)))
                        .isEqualTo(poison.partition());
                assertThat(DltHeaders.readInt64(raw(letter, DltHeaders.ORIGINAL_OFFSET))).isEqualTo(poison.offset());
                assertThat(DltHeaders.readInt64(raw(letter, DltHeaders.ORIGINAL_TIMESTAMP)))
                        .isEqualTo(poison.timestamp());
                String group = text(letter, DltHeaders.ORIGINAL_CONSUMER_GROUP);
                assertThat(CONSUMERS.get(topic)).containsKey(group);
                assertThat(text(letter, DltHeaders.EXCEPTION_FQCN)).isEqualTo(InvalidEventException.class.getName());
                assertThat(text(letter, DltHeaders.EXCEPTION_MESSAGE)).startsWith("not JSON");
                assertThat(text(letter, DltHeaders.EXCEPTION_STACKTRACE)).contains("EventCodec.decode");
                assertThat(DltHeaders.readInt32(raw(letter, DltHeaders.ATTEMPTS))).as("not retried").isEqualTo(1);
                assertThat(text(letter, DltHeaders.ROUTE_ID)).isEqualTo(ROUTE_OF_GROUP.get(group));
                assertThat(DltHeaders.readInt64(raw(letter, DltHeaders.FAILED_AT)))
                        .isGreaterThanOrEqualTo(poison.timestamp());
            }
            for (String effectRoute : CONSUMERS.get(topic).values()) {
                await().atMost(30, TimeUnit.SECONDS).until(() -> jdbc.sql("""
                        select count(*) from ignored_events
                        where consumer = ? and topic = ? and kafka_partition = ? and kafka_offset = ?""")
                        .params(effectRoute, topic.topicName(), next.partition(), next.offset())
                        .query(Long.class).single() == 1);
            }
        }
        // indexed for operators, with the decoded headers
        await().atMost(30, TimeUnit.SECONDS).until(() -> operatorGet("/api/dead-letters?exception=InvalidEvent&size=200")
                .get("total").asLong() >= 8);
    }

    @Test
    void aFailingDeadLetterWriteDoesNotLoseTheRecord() throws Exception {
        faults.set(DeadLetterRoute.FAULT_STAGE, new FaultSettings(1.0, null, 0));
        long failedBefore = faults.injectedCount(DeadLetterRoute.FAULT_STAGE);
        String poisonKey = "dlt-down-" + UUID.randomUUID();
        RecordMetadata poison = producer.send(new ProducerRecord<>(Topic.ORDER.topicName(), 0, poisonKey,
                "{\"truncated\":".getBytes(StandardCharsets.UTF_8))).get();

        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> faults.injectedCount(DeadLetterRoute.FAULT_STAGE) >= failedBefore + 3);
        assertThat(deadLetters(Topic.ORDER, poisonKey)).isEmpty();
        assertThat(committed("orderflow-payment", new TopicPartition(Topic.ORDER.topicName(), 0)))
                .as("the record is not skipped while its dead letter cannot be written")
                .isLessThanOrEqualTo(poison.offset());

        faults.clear();
        awaitDeadLetters(Topic.ORDER, poisonKey, 1);
        await().atMost(30, TimeUnit.SECONDS).until(() ->
                committed("orderflow-payment", new TopicPartition(Topic.ORDER.topicName(), 0)) > poison.offset());
        assertThat(deadLetters(Topic.ORDER, poisonKey)).as("dead-lettered exactly once").hasSize(1);
    }

    @Test
    void aBatchThatCannotFinishIsReadAgainWholeWithoutChargingTwice() throws Exception {
        String paymentRoute = StageRouteBuilder.kafkaRouteId(PaymentRoutes.STAGE);
        camel.getRouteController().stopRoute(paymentRoute);
        String orderId;
        RecordMetadata poison;
        try {
            // while the payment stage is away, an order and a poison record queue up behind each other, so the
            // restarted consumer reads them in one batch of one partition
            orderId = placeOrder("batch-mate", "7.00");
            // the outbox relay publishes it after the commit, not before the request returns
            ConsumerRecord<String, byte[]> created = await().atMost(30, TimeUnit.SECONDS).until(
                    () -> topics().read(Topic.ORDER.topicName(), r -> orderId.equals(r.key())),
                    records -> !records.isEmpty()).get(0);
            faults.set(DeadLetterRoute.FAULT_STAGE, new FaultSettings(1.0, null, 0));
            poison = producer.send(new ProducerRecord<>(Topic.ORDER.topicName(), created.partition(),
                    "batch-poison-" + UUID.randomUUID(), "{".getBytes(StandardCharsets.UTF_8))).get();
        } finally {
            camel.getRouteController().startRoute(paymentRoute);
        }
        TopicPartition partition = new TopicPartition(Topic.ORDER.topicName(), poison.partition());
        long failedBefore = faults.injectedCount(DeadLetterRoute.FAULT_STAGE);

        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> faults.injectedCount(DeadLetterRoute.FAULT_STAGE) >= failedBefore + 2);
        assertThat(payments(orderId)).as("the charge rolled back with its batch").isZero();
        assertThat(committed("orderflow-payment", partition)).isLessThanOrEqualTo(poison.offset() - 1);

        assertThat(topics().read(Topic.PAYMENT.topicName(), r -> orderId.equals(r.key())))
                .as("the rolled-back attempt published nothing: its events were in the outbox of its transaction")
                .isEmpty();
        assertThat(get("/api/orders/" + orderId).get("status").asText()).isEqualTo("CREATED");

        faults.clear();
        awaitStatus(orderId, "DELIVERED");
        assertThat(payments(orderId)).isEqualTo(1);
        assertThat(topics().read(Topic.PAYMENT.topicName(), r -> orderId.equals(r.key())))
                .as("one payment, one event").hasSize(1);
        await().atMost(30, TimeUnit.SECONDS).until(() -> committed("orderflow-payment", partition) > poison.offset());
    }

    @Test
    void everyGroupTheApplicationOwnsCommitsItsOffsetsTheDeadLetterIndexToo() throws Exception {
        String poisonKey = "index-commit-" + UUID.randomUUID();
        RecordMetadata poison = producer.send(new ProducerRecord<>(Topic.DELIVERY.topicName(), 1, poisonKey,
                "not an event".getBytes(StandardCharsets.UTF_8))).get();
        placeOrder("committed-offsets", "4.00");
        awaitDeadLetters(Topic.DELIVERY, poisonKey, 1);

        awaitPipelineIdle();
        TopicPartition dlt = new TopicPartition(Topic.DELIVERY.deadLetterTopic(), poison.partition());
        assertThat(committed("orderflow-deadletters", dlt)).as("the index commits what it indexed")
                .isEqualTo(admin.listOffsets(Map.of(dlt, OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS)
                        .get(dlt).offset());
        assertThat(committed("orderflow-delivery", new TopicPartition(Topic.DELIVERY.topicName(), 1)))
                .as("orderflow-delivery does not read delivery-events").isZero();
    }

    private long payments(String orderId) {
        return jdbc.sql("select count(*) from payments where order_id = ?").param(orderId).query(Long.class).single();
    }

    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(Topic topic, String key, int count) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> deadLetters(topic, key).size() >= count);
        List<ConsumerRecord<String, byte[]>> letters = deadLetters(topic, key);
        assertThat(letters).hasSize(count);
        return letters;
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(Topic topic, String key) {
        return topics().read(topic.deadLetterTopic(), r -> key.equals(r.key()));
    }

    private long committed(String group, TopicPartition partition) throws Exception {
        var offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(partition);
        return offset == null ? 0 : offset.offset();
    }

    private static byte[] raw(ConsumerRecord<String, byte[]> record, String header) {
        var value = record.headers().lastHeader(header);
        assertThat(value).as("header " + header).isNotNull();
        return value.value();
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        return DltHeaders.readUtf8(raw(record, header));
    }
}
