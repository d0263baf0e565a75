package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.contract.Topic;
import io.orderflow.testsupport.AppProcess;
import io.orderflow.testsupport.SaslKafkaBroker;

/**
 * The application against a cluster that only takes SASL/SCRAM clients, configured the way the README tells an
 * operator to ({@code orderflow.kafka.client-properties.*}): every client of the app — topic set-up, the outbox
 * relay, the stage consumers, the dead-letter index, health — authenticates, and wrong credentials stop the start
 * with Kafka's own message instead of a hang.
 */
class SecuredKafkaIT {

    private static final String PASSWORD = "orderflow-kafka-secret";
    private static SaslKafkaBroker broker;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new SaslKafkaBroker("orderflow", PASSWORD);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void ordersFlowAndDeadLettersAreIndexedOverSasl() throws Exception {
        Path log = Path.of("target", "secured-kafka-app.log").toAbsolutePath();
        Files.deleteIfExists(log);
        try (AppProcess app = AppTestSupport.appProcess(Files.createTempDirectory("orderflow-sasl-"), log,
                applicationArguments(PASSWORD).toArray(String[]::new)).start()) {
            HttpResponse<String> placed = call(app, "POST", "/api/orders",
                    "{\"customerId\":\"sasl\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":10.00}]}");
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            String orderId = json.readTree(placed.body()).get("orderId").asText();
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
                    .until(() -> "DELIVERED".equals(read(app, "/api/orders/" + orderId).path("status").asText()));

            // a record no stage can read: dead-lettered through the relay and indexed by the dead-letter consumer
            try (KafkaProducer<String, String> neighbour = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.plainBootstrap()),
                    new StringSerializer(), new StringSerializer())) {
                neighbour.send(new ProducerRecord<>(Topic.ORDER.topicName(), "sasl-poison", "{\"truncated\":"))
                        .get(30, TimeUnit.SECONDS);
            }
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
                    .until(() -> read(app, "/api/dead-letters?topic=" + Topic.ORDER.topicName())
                            .path("total").asLong() >= 1);

            JsonNode health = read(app, "/actuator/health");
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void wrongCredentialsStopTheStartWithKafkasReason() throws Exception {
        Path log = Path.of("target", "secured-kafka-wrong-password.log").toAbsolutePath();
        Files.deleteIfExists(log);
        try (AppProcess app = AppTestSupport.appProcess(Files.createTempDirectory("orderflow-sasl-wrong-"), log,
                applicationArguments("not-the-password").toArray(String[]::new))) {
            assertThatThrownBy(app::start).hasMessageContaining("application exited");
        }
        assertThat(Files.readString(log)).contains("cannot set up Kafka topics")
                .contains("Authentication failed during authentication due to invalid credentials");
    }

    /** The application's settings for the secured cluster, as the README tells an operator to write them. */
    private static List<String> applicationArguments(String password) {
        List<String> args = new ArrayList<>(List.of("--camel.component.kafka.brokers=" + broker.saslBootstrap()));
        broker.clientProperties(password).forEach((key, value) ->
                args.add("--orderflow.kafka.client-properties." + key + "=" + value));
        return args;
    }

    private JsonNode read(AppProcess app, String path) throws Exception {
        return json.readTree(call(app, "GET", path, null).body());
    }

    private static HttpResponse<String> call(AppProcess app, String method, String path, String body)
            throws Exception {
        return app.call(method, path, body, AppTestSupport.TOKEN);
    }
}
