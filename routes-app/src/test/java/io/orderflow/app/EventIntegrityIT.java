package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.orderflow.contract.DltHeaders;
import io.orderflow.contract.Topic;
import io.orderflow.event.ContradictionException;
import io.orderflow.event.InvalidEventException;
import io.orderflow.event.UnknownReferenceException;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.StageRouteBuilder;
import io.orderflow.tracking.OrderRoutes;

/**
 * Records a buggy or hostile neighbour service writes straight to the topics (a plain Kafka producer): each is
 * dead-lettered at once with a cause that names what is wrong, changes nothing, and the next order placed through
 * the API is still delivered, with every payment, shipment and delivery agreeing with its order.
 */
class EventIntegrityIT extends AppTestSupport {

    @Autowired
    private MeterRegistry meters;
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
    void aCheckoutWithLinesTheApiWouldRefuseIsDeadLettered() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String eventId = send(Topic.CART, "CartCheckedOut", orderId, "cart-" + orderId, Map.of("cartId", "cart-" + orderId,
                "customerId", "mallory", "orderId", orderId,
                "items", List.of(Map.of("productId", "p", "quantity", 0, "price", 1))));

        expectDeadLetter(Topic.CART, eventId, InvalidEventException.class,
                "payload.items[0].quantity must be at least 1, was 0");
        assertThat(get("/api/orders/" + orderId).get("error")).isNotNull();
        stillDelivers();
    }

    @Test
    void anOrderWhoseTotalIsNotTheSumOfItsLinesIsDeadLettered() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String eventId = send(Topic.ORDER, "OrderCreated", orderId, orderId, Map.of("orderId", orderId,
                "customerId", "mallory", "total", 0.01,
                "items", List.of(Map.of("productId", "p", "quantity", 2, "price", 5))));

        expectDeadLetter(Topic.ORDER, eventId, InvalidEventException.class,
                "payload.total must equal the sum of the lines 10, was 0.01");
        stillDelivers();
    }

    @Test
    void aHeaderThatDisagreesWithTheBodyIsDeadLetteredByEveryReader() throws Exception {
        String orderId = placeOrder("header-victim", "3.00");
        awaitStatus(orderId, "DELIVERED");
        String eventId = send(Topic.PAYMENT, "PaymentFailed", orderId, orderId, Map.of("paymentId", "pay-x",
                "orderId", orderId, "amount", 3.00), "PaymentProcessed");

        List<ConsumerRecord<String, byte[]>> letters = expectDeadLetters(Topic.PAYMENT, eventId, 2);
        assertThat(letters).allSatisfy(letter -> assertThat(header(letter, DltHeaders.EXCEPTION_MESSAGE))
                .isEqualTo("header says PaymentFailed, body says PaymentProcessed"));
        stillDelivers();
    }

    @Test
    void eventsAboutOrdersAndCartsThatDoNotExistAreDeadLetteredAtOnce() throws Exception {
        String unknown = "ghost-" + UUID.randomUUID();
        String created = send(Topic.ORDER, "OrderCreated", unknown, unknown, Map.of("orderId", unknown,
                "customerId", "mallory", "total", 5,
                "items", List.of(Map.of("productId", "p", "quantity", 1, "price", 5))));
        String paid = send(Topic.PAYMENT, "PaymentProcessed", unknown, unknown, Map.of("paymentId", "pay-ghost",
                "orderId", unknown, "amount", 5));
        String dispatched = send(Topic.DISPATCH, "OrderDispatched", unknown, unknown, Map.of("orderId", unknown,
                "shipmentId", "shp-ghost", "carrier", "DHL"));
        String checkout = send(Topic.CART, "CartCheckedOut", unknown, "cart-ghost", Map.of("cartId", "cart-ghost",
                "customerId", "mallory", "orderId", unknown,
                "items", List.of(Map.of("productId", "p", "quantity", 1, "price", 5))));

        expectDeadLetter(Topic.ORDER, created, UnknownReferenceException.class, "order " + unknown + " does not exist");
        assertThat(messages(expectDeadLetters(Topic.PAYMENT, paid, 2))).containsExactlyInAnyOrder(
                "order " + unknown + " has no payment pay-ghost", "order " + unknown + " does not exist");
        assertThat(messages(expectDeadLetters(Topic.DISPATCH, dispatched, 2))).containsExactlyInAnyOrder(
                "order " + unknown + " has no shipment shp-ghost", "order " + unknown + " does not exist");
        expectDeadLetter(Topic.CART, checkout, UnknownReferenceException.class,
                "cart cart-ghost does not exist or is not checked out");
        for (ConsumerRecord<String, byte[]> letter : expectDeadLetters(Topic.PAYMENT, paid, 2)) {
            assertThat(DltHeaders.readInt32(letter.headers().lastHeader(DltHeaders.ATTEMPTS).value()))
                    .as("not retried on the stage's thread").isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from orders where order_id = ?").param(unknown).query(Long.class)
                .single()).isZero();
        stillDelivers();
    }

    @Test
    void eventsThatContradictAnOrdersHistoryAreNeverApplied() throws Exception {
        String declined = placeOrder("declined", "10000.01");
        awaitStatus(declined, "PAYMENT_FAILED");
        // a delivery after the payment failed, and a second payment for a delivered order
        String delivered = send(Topic.DELIVERY, "OrderDelivered", declined, declined, Map.of("orderId", declined,
                "shipmentId", "shp-forged", "deliveredAt", Instant.now().toString()));
        String orderId = placeOrder("paid-twice", "8.00");
        awaitStatus(orderId, "DELIVERED");
        ConsumerRecord<String, byte[]> payment = topics().read(Topic.PAYMENT.topicName(),
                r -> orderId.equals(r.key())).get(0);
        ObjectNode paidAgain = (ObjectNode) json.readTree(payment.value());
        paidAgain.put("eventId", UUID.randomUUID().toString());
        String secondPayment = paidAgain.get("eventId").asText();
        producer.send(new ProducerRecord<>(Topic.PAYMENT.topicName(), null, orderId, json.writeValueAsBytes(paidAgain),
                payment.headers())).get();
        String otherAmount = send(Topic.ORDER, "OrderCreated", orderId, orderId, Map.of("orderId", orderId,
                "customerId", "mallory", "total", 9,
                "items", List.of(Map.of("productId", "p", "quantity", 1, "price", 9))));

        expectDeadLetter(Topic.DELIVERY, delivered, UnknownReferenceException.class,
                "order " + declined + " has no delivery of shipment shp-forged");
        assertThat(messages(expectDeadLetters(Topic.PAYMENT, secondPayment, 2))).containsExactlyInAnyOrder(
                "order " + orderId + " is DELIVERED: PaymentProcessed cannot apply",
                "order " + orderId + " was already shipped as " + jdbc.sql(
                        "select shipment_id from shipments where order_id = ?").param(orderId).query(String.class)
                        .single());
        expectDeadLetter(Topic.ORDER, otherAmount, ContradictionException.class,
                "order " + orderId + " is DELIVERED, not CREATED");
        assertThat(get("/api/orders/" + declined).get("status").asText()).isEqualTo("PAYMENT_FAILED");
        stillDelivers();
    }

    @Test
    void statusEventsReadInAnyOrderAcrossTopicsNeverSkipAStep() throws Exception {
        String orderRoute = StageRouteBuilder.kafkaRouteId(OrderRoutes.STAGE);
        camel.getRouteController().stopRoute(orderRoute);
        List<String> orders;
        try {
            // a backlog on three topics, which the order stage then reads in whatever order its fetches return
            orders = List.of(placeOrder("backlog", "1.00"), placeOrder("backlog", "2.00"),
                    placeOrder("backlog", "3.00"), placeOrder("backlog", "4.00"));
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() ->
                    topics().read(Topic.DELIVERY.topicName(), r -> orders.contains(r.key())).size() == orders.size());
        } finally {
            camel.getRouteController().startRoute(orderRoute);
        }
        for (String orderId : orders) {
            awaitStatus(orderId, "DELIVERED");
            assertThat(jdbc.sql("select status from order_timeline where order_id = ? and applied")
                    .param(orderId).query(String.class).list())
                    .containsExactlyInAnyOrder("CREATED", "PAID", "DISPATCHED", "DELIVERED");
            assertThat(jdbc.sql("""
                    select count(*) from order_pending_events where order_id = ?
                    and (settled = false or rejected_cause is not null)""")
                    .param(orderId).query(Long.class).single()).isZero();
        }
        assertRecordsAgreeWithOrders();
    }

    @Test
    void aRecordAtTheBrokersSizeLimitIsDeadLetteredOnEveryTopic() throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        try (KafkaProducer<String, byte[]> large = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (Topic topic : Topic.values()) {
                int limit = Integer.parseInt(admin.describeConfigs(List.of(new ConfigResource(
                        ConfigResource.Type.TOPIC, topic.topicName()))).all().get(10, TimeUnit.SECONDS).values()
                        .iterator().next().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
                String key = "huge-" + UUID.randomUUID();
                // the record batch overhead (61 bytes) and the record's own framing leave this much for the value
                byte[] value = new byte[limit - 61 - 32 - key.length()];
                java.util.Arrays.fill(value, (byte) 'x');
                large.send(new ProducerRecord<>(topic.topicName(), key, value)).get(30, TimeUnit.SECONDS);

                int readers = topic == Topic.PAYMENT || topic == Topic.DISPATCH ? 2 : 1;
                await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() ->
                        topics().read(topic.deadLetterTopic(), r -> key.equals(r.key())).size() == readers);
                assertThat(topics().read(topic.deadLetterTopic(), r -> key.equals(r.key())))
                        .allSatisfy(letter -> assertThat(letter.value()).isEqualTo(value));
            }
        }
        assertThat(jdbc.sql("select count(*) from outbox where parked_at is not null").query(Long.class).single())
                .as("no dead letter parked").isZero();
        stillDelivers();
    }

    /**
     * Records that reach a stage in one poll: the batch runs without savepoints first, and the poison and the ghost
     * fail that pass, so it is rolled back and run record by record. Whatever the poll held, each record counts once,
     * and a record that failed inside its effect leaves nothing of it behind, its idempotency key least of all (a
     * replay of its dead letter would be taken for a duplicate).
     */
    @Test
    void aBatchWithFailingRecordsDeadLettersEachOnceAndCountsEachDuplicateOnce() throws Exception {
        String orderId = placeOrder("batch-customer", "7.00");
        awaitStatus(orderId, "DELIVERED");
        ConsumerRecord<String, byte[]> created = topics().read(Topic.ORDER.topicName(),
                r -> orderId.equals(r.key())).get(0);
        Counter duplicates = meters.counter("orderflow.events.ignored", "route", PaymentRoutes.CHARGE,
                "topic", Topic.ORDER.topicName(), "reason", "duplicate");
        double before = duplicates.count();
        String poison = "{\"poison\":\"" + UUID.randomUUID() + "\"}";
        String ghost = "ghost-" + UUID.randomUUID();
        String ghostEvent = UUID.randomUUID().toString();
        byte[] ghostCreated = json.writeValueAsBytes(Map.of("eventId", ghostEvent, "type", "OrderCreated",
                "orderId", ghost, "occurredAt", Instant.now().toString(), "payload", Map.of("orderId", ghost,
                        "customerId", "mallory", "total", 5,
                        "items", List.of(Map.of("productId", "p", "quantity", 1, "price", 5)))));

        // one key, one partition, not awaited one by one: the four travel, and are most likely polled, together
        for (byte[] value : List.of(created.value(), poison.getBytes(StandardCharsets.UTF_8), ghostCreated,
                created.value())) {
            producer.send(new ProducerRecord<>(Topic.ORDER.topicName(), orderId, value));
        }
        producer.flush();

        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> duplicates.count() - before >= 2 && !deadLetters(Topic.ORDER, poison).isEmpty()
                        && !deadLetters(Topic.ORDER, ghostEvent).isEmpty());
        assertThat(duplicates.count() - before).isEqualTo(2);
        assertThat(deadLetters(Topic.ORDER, poison)).hasSize(1);
        assertThat(deadLetters(Topic.ORDER, ghostEvent)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from camel_messageprocessed where messageId = ?").param(ghostEvent)
                .query(Long.class).single()).as("the dead-lettered event is not marked seen").isZero();
        assertThat(topics().read(Topic.PAYMENT.topicName(), r -> orderId.equals(r.key()))).as("charged once")
                .hasSize(1);
        stillDelivers();
    }

    private void stillDelivers() {
        awaitStatus(placeOrder("next-customer", "2.50"), "DELIVERED");
        assertRecordsAgreeWithOrders();
    }

    private String send(Topic topic, String type, String orderId, String key, Map<String, Object> payload)
            throws Exception {
        return send(topic, type, orderId, key, payload, type);
    }

    /** A record as another service would write it: its own JSON, our header convention, no help from our code. */
    private String send(Topic topic, String headerType, String orderId, String key, Map<String, Object> payload,
                        String bodyType) throws Exception {
        String eventId = UUID.randomUUID().toString();
        byte[] value = json.writeValueAsBytes(Map.of("eventId", eventId, "type", bodyType, "orderId", orderId,
                "occurredAt", Instant.now().toString(), "correlationId", "neighbour-" + eventId, "payload", payload));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.topicName(), key, value);
        record.headers().add(new RecordHeader("eventType", headerType.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get(10, TimeUnit.SECONDS);
        return eventId;
    }

    private void expectDeadLetter(Topic topic, String eventId, Class<? extends Exception> cause, String message) {
        ConsumerRecord<String, byte[]> letter = expectDeadLetters(topic, eventId, 1).get(0);
        assertThat(header(letter, DltHeaders.EXCEPTION_FQCN)).isEqualTo(cause.getName());
        assertThat(header(letter, DltHeaders.EXCEPTION_MESSAGE)).isEqualTo(message);
        assertThat(DltHeaders.readInt32(letter.headers().lastHeader(DltHeaders.ATTEMPTS).value()))
                .as("not retried").isEqualTo(1);
    }

    private List<ConsumerRecord<String, byte[]>> expectDeadLetters(Topic topic, String eventId, int count) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> deadLetters(topic, eventId).size() >= count);
        List<ConsumerRecord<String, byte[]>> letters = deadLetters(topic, eventId);
        assertThat(letters).hasSize(count);
        return letters;
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(Topic topic, String eventId) {
        return topics().read(topic.deadLetterTopic(),
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(eventId));
    }

    private static List<String> messages(List<ConsumerRecord<String, byte[]>> letters) {
        return letters.stream().map(letter -> header(letter, DltHeaders.EXCEPTION_MESSAGE)).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> letter, String name) {
        return DltHeaders.readUtf8(letter.headers().lastHeader(name).value());
    }
}
