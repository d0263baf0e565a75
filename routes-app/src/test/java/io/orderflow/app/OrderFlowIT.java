package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.contract.Topic;

/** The order-to-delivery flow end to end: REST in, five topics, database state out. */
class OrderFlowIT extends AppTestSupport {

    private static final String SEED_BODY =
            "{\"customerId\":\"customer123\",\"items\":[{\"productId\":\"product123\",\"quantity\":1,\"price\":100.00}]}";

    @Test
    void seedCurlOrderIsDeliveredThroughEveryTopic() throws Exception {
        var response = post("/api/orders", SEED_BODY);
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = parse(response);
        String orderId = created.get("orderId").asText();
        assertThat(created.get("status").asText()).isEqualTo("CREATED");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);

        JsonNode order = awaitStatus(orderId, "DELIVERED");
        assertThat(order.get("customerId").asText()).isEqualTo("customer123");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode timeline = order.get("timeline");
        assertThat(timeline).hasSize(4);
        assertThat(timeline.findValuesAsText("status")).containsExactlyInAnyOrder("CREATED", "PAID", "DISPATCHED",
                "DELIVERED");
        assertThat(timeline.findValuesAsText("topic")).containsExactlyInAnyOrder("order-events", "payment-events",
                "dispatch-events", "delivery-events");

        JsonNode orderCreated = oneEventOnTopic(Topic.ORDER, orderId, "OrderCreated");
        JsonNode paid = oneEventOnTopic(Topic.PAYMENT, orderId, "PaymentProcessed");
        JsonNode dispatched = oneEventOnTopic(Topic.DISPATCH, orderId, "OrderDispatched");
        JsonNode delivered = oneEventOnTopic(Topic.DELIVERY, orderId, "OrderDelivered");
        // ids that grow with time (TimeOrderedIds): new ones are version 7, those derived from a cause keep its time
        assertThat(UUID.fromString(orderId).version()).isEqualTo(7);
        UUID first = UUID.fromString(orderCreated.get("eventId").asText());
        assertThat(first.version()).isEqualTo(7);
        assertThat(List.of(paid.get("eventId").asText(), dispatched.get("eventId").asText(),
                delivered.get("eventId").asText(), paid.at("/payload/paymentId").asText().substring("pay-".length()),
                dispatched.at("/payload/shipmentId").asText().substring("shp-".length())))
                .allSatisfy(id -> assertThat(UUID.fromString(id)).satisfies(
                        derived -> assertThat(derived.version()).isEqualTo(8),
                        derived -> assertThat(derived.getMostSignificantBits() >>> 16)
                                .isEqualTo(first.getMostSignificantBits() >>> 16)));
        for (JsonNode step : timeline) {
            var record = topics().read(step.get("topic").asText(), r -> orderId.equals(r.key()));
            assertThat(record).singleElement().satisfies(r -> {
                assertThat(r.partition()).isEqualTo(step.get("partition").asInt());
                assertThat(r.offset()).isEqualTo(step.get("offset").asLong());
            });
        }
    }

    @Test
    void checkedOutCartBecomesDeliveredOrderWithItsTotal() throws Exception {
        String cartId = "cart-" + UUID.randomUUID();
        assertThat(post("/api/carts/" + cartId + "/items",
                "{\"productId\":\"book\",\"quantity\":2,\"price\":12.50}").statusCode()).isEqualTo(201);
        assertThat(post("/api/carts/" + cartId + "/items",
                "{\"productId\":\"lamp\",\"quantity\":1,\"price\":30.00}").statusCode()).isEqualTo(201);
        JsonNode cart = get("/api/carts/" + cartId);
        assertThat(cart.get("items")).hasSize(2);
        assertThat(cart.get("total").decimalValue()).isEqualByComparingTo("55.00");

        var checkout = post("/api/carts/" + cartId + "/checkout", "{\"customerId\":\"shopper-1\"}");
        assertThat(checkout.statusCode()).isEqualTo(201);
        String orderId = parse(checkout).get("orderId").asText();
        assertThat(UUID.fromString(orderId).version()).isEqualTo(7);

        JsonNode order = awaitStatus(orderId, "DELIVERED");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("55.00");
        assertThat(order.get("items")).hasSize(2);
        assertThat(order.get("customerId").asText()).isEqualTo("shopper-1");
        assertThat(order.get("cartId").asText()).isEqualTo(cartId);
        assertThat(get("/api/orders/" + placeOrder("direct-buyer", "5.00")).get("cartId").isNull())
                .as("an order placed directly has no cart").isTrue();
        List<ConsumerRecord<String, byte[]>> cartEvents = topics().read(Topic.CART.topicName(),
                r -> cartId.equals(r.key()));
        assertThat(cartEvents).extracting(r -> header(r, "eventType"))
                .containsExactly("CartItemAdded", "CartItemAdded", "CartCheckedOut");
        assertThat(get("/api/carts/" + cartId).get("status").asText()).isEqualTo("CHECKED_OUT");
    }

    @Test
    void declinedPaymentEndsPaymentFailedAndIsNeverDispatched() throws Exception {
        String orderId = placeOrder("big-spender", "10000.01");

        JsonNode order = awaitStatus(orderId, "PAYMENT_FAILED");
        assertThat(order.get("timeline").findValuesAsText("status")).containsExactly("CREATED", "PAYMENT_FAILED");
        oneEventOnTopic(Topic.PAYMENT, orderId, "PaymentFailed");
        awaitPipelineIdle();
        assertThat(topics().read(Topic.DISPATCH.topicName(), r -> orderId.equals(r.key()))).isEmpty();
        assertThat(jdbc.sql("select count(*) from shipments where order_id = ?").param(orderId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void listsRecentOrdersAndCountsByStatus() {
        String orderId = placeOrder("lister", "5.00");
        awaitStatus(orderId, "DELIVERED");
        JsonNode delivered = get("/api/orders?status=DELIVERED&limit=500");
        assertThat(delivered.get("items").findValuesAsText("orderId")).contains(orderId);
        assertThat(delivered.get("items").findValuesAsText("status")).containsOnly("DELIVERED");
        assertThat(get("/api/orders/summary").get("DELIVERED").asLong()).isPositive();
    }

    /** H2 bounds a lock wait itself; the application's PostgreSQL connections are told to ({@code PostgresLockTimeout}). */
    @Test
    void postgresqlConnectionsBoundTheirLockWaits() {
        Assumptions.assumeTrue(TestDatabase.postgres(), "only the PostgreSQL run has a lock_timeout to check");

        assertThat(jdbc.sql("show lock_timeout").query(String.class).single()).isEqualTo("30s");
    }

    @Test
    void servesTheOpenApiDocument() {
        JsonNode doc = get("/api/api-doc");
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("servers").get(0).get("url").asText()).endsWith("/api");
        assertThat(doc.get("paths").has("/orders")).isTrue();
        assertThat(doc.get("paths").has("/dead-letters/replay")).isTrue();
    }

    /** The one event of the order on the topic, checked for the envelope's fields. */
    private JsonNode oneEventOnTopic(Topic topic, String orderId, String type) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = topics().read(topic.topicName(),
                r -> orderId.equals(r.key()));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(header(r, "eventType")).isEqualTo(type);
            JsonNode event = json.readTree(r.value());
            assertThat(event.get("type").asText()).isEqualTo(type);
            assertThat(event.get("orderId").asText()).isEqualTo(orderId);
            assertThat(UUID.fromString(event.get("eventId").asText())).isNotNull();
            assertThat(event.get("correlationId").asText()).isNotBlank();
            assertThat(event.get("occurredAt").asText()).isNotBlank();
            assertThat(event.get("payload").isObject()).isTrue();
        });
        return json.readTree(records.get(0).value());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TopicReader.header(record, name);
    }
}
