package io.orderflow.app.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.app.AppTestSupport;

/** {@code /api/routes}: Camel's own route statistics, and route control as an audited, guarded action. */
class RouteApiIT extends AppTestSupport {

    @Test
    void listsEveryRouteWithItsStatisticsAndStage() {
        assertThat(send("GET", "/api/routes", null, null, null).statusCode()).isEqualTo(401);
        String orderId = placeOrder("routes-" + System.nanoTime(), "12.00");
        awaitStatus(orderId, "DELIVERED");

        JsonNode report = operatorGet("/api/routes");
        JsonNode consumer = route(report, "payment-kafka");
        assertThat(consumer.get("stage").asText()).isEqualTo("payment");
        assertThat(consumer.get("state").asText()).isEqualTo("Started");
        assertThat(consumer.get("from").asText()).isEqualTo("kafka://order-events");
        assertThat(consumer.get("exchangesTotal").asLong()).isPositive();
        assertThat(consumer.get("meanProcessingMillis").asLong()).isNotNegative();
        assertThat(consumer.has("redeliveries")).isTrue();
        assertThat(route(report, "payment-charge").get("exchangesTotal").asLong()).isPositive();
        assertThat(route(report, "dead-letter-index").get("stage").isNull()).isTrue();
        assertThat(report.get("stages").findValuesAsText("stage"))
                .containsExactly("cart", "order", "payment", "dispatch", "delivery");
        JsonNode paymentOutbox = report.get("stages").get(2).get("outbox");
        assertThat(paymentOutbox.get("depth").isIntegralNumber()).as("the payment stage's queued events").isTrue();
        assertThat(paymentOutbox.get("depth").asLong()).isNotNegative();
    }

    @Test
    void aFailureIsReportedWithItsMessage() throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(kafka.clientConfig(),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("dispatch-events", "route-poison",
                    "not json")).get(10, TimeUnit.SECONDS);
        }
        JsonNode delivery = await().atMost(30, TimeUnit.SECONDS).until(
                () -> route(operatorGet("/api/routes"), "delivery"), r -> !r.get("lastFailureMessage").isNull());
        assertThat(delivery.get("lastFailureMessage").asText()).contains("InvalidEventException");
        assertThat(delivery.get("lastFailureAt").asText()).isNotEmpty();
        assertThat(delivery.get("failuresHandled").asLong()).isPositive();
    }

    @Test
    void stoppingAndStartingARouteIsGuardedAndAudited() {
        String path = "/api/routes/order-api-summary/";
        assertThat(post(path + "stop", null).statusCode()).isEqualTo(401);
        assertThat(operatorPost("/api/routes/no-such-route/stop", null).statusCode()).isEqualTo(404);
        assertThat(operatorPost(path + "explode", null).statusCode()).isEqualTo(404);
        assertThat(operatorPost("/api/routes/route-api-control/stop", null).statusCode()).isEqualTo(409);

        JsonNode stopped;
        try {
            stopped = parse(operatorPost(path + "stop", null));
            assertThat(route(operatorGet("/api/routes"), "order-api-summary").get("state").asText())
                    .isEqualTo("Stopped");
        } finally {
            // the application is shared with other tests: the route must run again whatever happened above
            assertThat(parse(operatorPost(path + "start", null)).get("after").asText()).isEqualTo("Started");
        }
        assertThat(stopped.get("before").asText()).isEqualTo("Started");
        assertThat(stopped.get("after").asText()).isEqualTo("Stopped");
        assertThat(get("/api/orders/summary").has("DELIVERED")).isTrue();

        JsonNode audit = operatorGet("/api/dead-letters/audit?limit=2");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("ROUTE_START");
        assertThat(audit.get(1).get("action").asText()).isEqualTo("ROUTE_STOP");
        assertThat(audit.get(1).get("detail").asText()).isEqualTo("route order-api-summary: Started → Stopped");
        assertThat(audit.get(1).get("actor").asText()).isEqualTo("operator");
    }

    private static JsonNode route(JsonNode report, String id) {
        for (JsonNode route : report.get("routes")) {
            if (route.get("id").asText().equals(id)) {
                return route;
            }
        }
        throw new AssertionError("no route " + id + " in " + report);
    }
}
