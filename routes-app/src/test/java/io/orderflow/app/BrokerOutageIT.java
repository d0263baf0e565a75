package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.app.kafka.EmbeddedKafkaBroker;
import io.orderflow.contract.FreePorts;

/**
 * The application against a Kafka cluster of its own (external-broker mode), which this test stops and starts
 * again: orders are accepted while the cluster is away and flow once it is back.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrokerOutageIT extends AppTestSupport {

    private static final Path BROKER_DIR = brokerDir();
    private static final int BROKER_PORT = FreePorts.pick();
    private static volatile EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BROKER_DIR, BROKER_PORT);

    static {
        // after the application: it is closed after this class, and would wait for a cluster that is gone
        Runtime.getRuntime().addShutdownHook(new Thread(() -> broker.close()));
    }

    @DynamicPropertySource
    static void externalCluster(DynamicPropertyRegistry registry) {
        registry.add("camel.component.kafka.brokers", () -> broker.bootstrapServers());
    }

    @Test
    void anOrderPlacedWhileTheClusterIsDownIsAcceptedAndDeliveredOnceItIsBack() {
        awaitStatus(placeOrder("before-the-outage", "2.00"), "DELIVERED");

        broker.close();
        long started = System.nanoTime();
        HttpResponse<String> placed = post("/api/orders", "{\"customerId\":\"during-the-outage\","
                + "\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":9.00}]}");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(tookMs).as("nothing waits for the cluster").isLessThan(5_000);
        String orderId = parse(placed).get("orderId").asText();
        JsonNode order = get("/api/orders/" + orderId);
        assertThat(order.get("status").asText()).isEqualTo("CREATED");
        assertThat(order.get("timeline")).as("OrderCreated is queued, not yet on order-events").isEmpty();
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() ->
                operatorGet("/actuator/health").path("components").path("outbox").path("details").path("depth")
                        .asLong() >= 1);

        broker = EmbeddedKafkaBroker.start(BROKER_DIR, BROKER_PORT);

        JsonNode delivered = awaitStatus(orderId, "DELIVERED");
        assertThat(delivered.get("timeline").get(0).get("status").asText()).isEqualTo("CREATED");
        assertThat(delivered.get("timeline").get(0).get("topic").asText()).isEqualTo("order-events");
    }

    private static Path brokerDir() {
        try {
            return Files.createTempDirectory("orderflow-outage-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
