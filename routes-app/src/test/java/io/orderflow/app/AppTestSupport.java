package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.app.kafka.KafkaBootstrap;
import io.orderflow.contract.Topic;
import io.orderflow.reliability.FaultInjector;
import io.orderflow.testsupport.AppProcess;

/**
 * One running application (real embedded Kafka, real H2 database) shared by the integration tests: every test
 * class extending this gets the same Spring context, so the broker starts once per test run.
 */
@CamelSpringBootTest
@DisableJmx(false) // route statistics (GET /api/routes) come from Camel's JMX management, as in production
@AutoConfigureObservability // Spring Boot turns metric export off in tests; the Prometheus endpoint is under test
@SpringBootTest(classes = OrderflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orderflow.kafka.embedded.port=0",
                "orderflow.security.operator-token=" + AppTestSupport.TOKEN,
                // short backoff keeps fault tests fast; the policy itself is the production one
                "orderflow.stages.order.initial-delay-ms=10", "orderflow.stages.order.max-delay-ms=200",
                "orderflow.stages.payment.initial-delay-ms=10", "orderflow.stages.payment.max-delay-ms=200",
                "orderflow.stages.dispatch.initial-delay-ms=10", "orderflow.stages.dispatch.max-delay-ms=200",
                "orderflow.stages.delivery.initial-delay-ms=10", "orderflow.stages.delivery.max-delay-ms=200"})
public abstract class AppTestSupport {

    public static final String TOKEN = "test-operator-token";
    /** Named operators, one per role, with these passwords (bcrypt hashes are made at start, see operators()). */
    static final Map<String, String> OPERATORS = Map.of("vera", "viewer", "otto", "operator", "ada", "admin");
    static final String PASSWORD_SUFFIX = "-secret-pw";
    static final TestIdentityProvider IDP = new TestIdentityProvider(tempDir());

    /** The application as a process of its own (see {@link AppProcess}), with the tests' operator token. */
    static AppProcess appProcess(Path dataDir, Path log, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--orderflow.security.operator-token=" + TOKEN));
        all.addAll(List.of(args));
        return AppProcess.configuredBy(dataDir, log, Map.of(), all.toArray(String[]::new));
    }

    @BeforeAll
    static void databaseAvailable() {
        TestDatabase.assumeAvailable();
    }

    /**
     * Each application context (test classes with other settings get their own) has a data directory of its own, and
     * in the PostgreSQL run a database of its own.
     */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        Path dataDir = tempDir();
        registry.add("orderflow.data-dir", dataDir::toString);
        if (TestDatabase.postgres()) {
            TestDatabase database = TestDatabase.create(dataDir);
            registry.add("spring.datasource.url", database::url);
            registry.add("spring.datasource.username", database::username);
            registry.add("spring.datasource.password", database::password);
        }
    }

    @DynamicPropertySource
    static void operators(DynamicPropertyRegistry registry) {
        // strength 4: the lowest bcrypt allows, so logins in tests cost microseconds, not 100 ms
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        OPERATORS.forEach((name, role) -> {
            registry.add("orderflow.security.operators." + name + ".password",
                    () -> "{bcrypt}" + bcrypt.encode(name + PASSWORD_SUFFIX));
            registry.add("orderflow.security.operators." + name + ".roles", () -> role);
        });
        registry.add("orderflow.security.jwt.public-key-location", () -> "file:" + IDP.publicKeyFile());
        registry.add("orderflow.security.jwt.issuer", () -> TestIdentityProvider.ISSUER);
        // all tests log in from 127.0.0.1; their deliberate failures stay well under this
        registry.add("orderflow.security.login-throttle.max-failures", () -> "25");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected final ObjectMapper json = new ObjectMapper();
    protected final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected KafkaBootstrap kafka;
    @Autowired
    protected AdminClient admin;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected FaultInjector faults;
    @Autowired
    protected CamelContext camel;

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    protected TopicReader topics() {
        return new TopicReader(kafka.clientConfig());
    }

    protected HttpResponse<String> send(String method, String path, String contentType, String body,
                                        String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> post(String path, String body) {
        return send("POST", path, "application/json", body, null);
    }

    protected HttpResponse<String> operatorPost(String path, String body) {
        return send("POST", path, "application/json", body, "Bearer " + TOKEN);
    }

    protected JsonNode operatorGet(String path) {
        return parse(send("GET", path, null, null, "Bearer " + TOKEN));
    }

    protected JsonNode get(String path) {
        return parse(send("GET", path, null, null, null));
    }

    protected JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    protected String placeOrder(String customerId, String price) {
        HttpResponse<String> response = post("/api/orders", "{\"customerId\":\"" + customerId
                + "\",\"items\":[{\"productId\":\"product123\",\"quantity\":1,\"price\":" + price + "}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return parse(response).get("orderId").asText();
    }

    protected JsonNode awaitStatus(String orderId, String status) {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50)).until(() -> {
            HttpResponse<String> response = send("GET", "/api/orders/" + orderId, null, null, null);
            return response.statusCode() == 200 && status.equals(parse(response).get("status").asText());
        });
        return get("/api/orders/" + orderId);
    }

    /**
     * Every payment, shipment and delivery belongs to an order whose status agrees with it, and every order's status
     * has the records it implies. Stages lag each other, so this waits (bounded) for the pipeline to catch up. An
     * order one of whose events exhausted its retries (a transient fault, as the soak test injects) is behind until an
     * operator replays that dead letter: it is left out; a record refused at once (attempts 1) leaves nothing out.
     */
    protected void assertRecordsAgreeWithOrders() {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(recordsDisagreeingWithOrders()).isEmpty());
    }

    protected List<String> recordsDisagreeingWithOrders() {
        return jdbc.sql("""
                select v.what from (
                    select p.order_id, 'payment ' || p.payment_id || ' of order ' || p.order_id as what
                        from payments p left join orders o on o.order_id = p.order_id
                        where o.order_id is null
                           or (p.approved and o.status not in ('PAID', 'DISPATCHED', 'DELIVERED'))
                           or (not p.approved and o.status <> 'PAYMENT_FAILED')
                    union all
                    select s.order_id, 'shipment ' || s.shipment_id || ' of order ' || s.order_id
                        from shipments s left join orders o on o.order_id = s.order_id
                        left join payments p on p.order_id = s.order_id and p.approved
                        where o.order_id is null or p.order_id is null or o.status not in ('DISPATCHED', 'DELIVERED')
                    union all
                    select d.order_id, 'delivery of order ' || d.order_id
                        from deliveries d left join orders o on o.order_id = d.order_id
                        left join shipments s on s.order_id = d.order_id and s.shipment_id = d.shipment_id
                        where o.order_id is null or s.order_id is null or o.status <> 'DELIVERED'
                    union all
                    select o.order_id, 'order ' || o.order_id || ' ' || o.status || ' without its records'
                        from orders o
                        left join payments p on p.order_id = o.order_id
                        left join shipments s on s.order_id = o.order_id
                        left join deliveries d on d.order_id = o.order_id
                        where (o.status in ('PAID', 'DISPATCHED', 'DELIVERED') and (p.order_id is null or not p.approved))
                           or (o.status = 'PAYMENT_FAILED' and (p.order_id is null or p.approved))
                           or (o.status in ('DISPATCHED', 'DELIVERED') and s.order_id is null)
                           or (o.status = 'DELIVERED' and d.order_id is null)
                ) v
                where not exists (select 1 from dead_letters l
                    where l.order_id = v.order_id and l.state = 'PENDING' and l.attempts > 1)""")
                .query(String.class).list();
    }

    /** Waits until every group of the application has committed up to the end of the topics it reads. */
    protected void awaitPipelineIdle() {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> totalLag() == 0);
    }

    protected long totalLag() throws Exception {
        return GroupLag.total(admin);
    }

    protected Map<String, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String name : Topic.allTopicNames()) {
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(name, p), OffsetSpec.latest());
            }
        }
        Map<String, Long> totals = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .forEach((tp, info) -> totals.merge(tp.topic(), info.offset(), Long::sum));
        return totals;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("orderflow-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
