package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.testsupport.AppProcess;

/**
 * The application is killed with orders in flight and started again on the same data directory: every order
 * reaches a final state, no stage acts twice, and orders, carts and topics from before the crash are all there.
 */
class CrashRecoveryIT {

    private static final int ORDERS = 60;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void killedWithOrdersInFlightThenRestartedEveryOrderCompletesOnce() throws Exception {
        TestDatabase.assumeAvailable();
        Path dataDir = Files.createTempDirectory("orderflow-crash-");
        TestDatabase database = TestDatabase.create(dataDir);
        String[] databaseArgs = database.applicationArguments().toArray(String[]::new);
        Path log = Path.of("target", "crash-recovery-app.log").toAbsolutePath();
        Files.deleteIfExists(log);
        List<String> orderIds = new ArrayList<>();
        String deliveredBeforeCrash;

        AppProcess first = AppTestSupport.appProcess(dataDir, log, databaseArgs).start();
        try {
            deliveredBeforeCrash = place(first, "before-crash");
            await().atMost(30, TimeUnit.SECONDS).until(() -> "DELIVERED".equals(status(first, deliveredBeforeCrash)));
            call(first, "POST", "/api/carts/kept-cart/items", "{\"productId\":\"p\",\"quantity\":3,\"price\":2.50}");
            // slow every stage down so the kill lands while orders are between stages
            for (String stage : List.of("order", "payment", "dispatch", "delivery")) {
                call(first, "PUT", "/api/faults/" + stage, "{\"latencyMs\":25}");
            }
            for (int i = 0; i < ORDERS; i++) {
                orderIds.add(place(first, "in-flight-" + i));
            }
            JsonNode summary = json.readTree(call(first, "GET", "/api/orders/summary", null).body());
            assertThat(summary.get("DELIVERED").asInt()).as("orders still in flight at the kill")
                    .isLessThan(ORDERS + 1);
        } finally {
            first.kill();
        }

        try (AppProcess second = AppTestSupport.appProcess(dataDir, log, databaseArgs).start()) {
            await().atMost(120, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() ->
                    orderIds.stream().allMatch(id -> isFinal(status(second, id))));
            assertThat(status(second, deliveredBeforeCrash)).isEqualTo("DELIVERED");
            JsonNode cart = json.readTree(call(second, "GET", "/api/carts/kept-cart", null).body());
            assertThat(cart.get("total").decimalValue()).isEqualByComparingTo("7.50");
            JsonNode timeline = json.readTree(call(second, "GET", "/api/orders/" + deliveredBeforeCrash, null)
                    .body()).get("timeline");
            assertThat(timeline).hasSize(4);
        }

        try (Connection db = database.connect()) {
            for (String table : List.of("payments", "shipments", "deliveries")) {
                assertThat(single(db, "select count(*) from (select order_id from " + table
                        + " group by order_id having count(*) > 1) dup")).as("duplicate " + table).isZero();
            }
            assertThat(single(db, "select count(*) from (select order_id, status from order_timeline where applied"
                    + " group by order_id, status having count(*) > 1) dup")).as("status applied twice").isZero();
            assertThat(single(db, "select count(*) from deliveries")).isEqualTo(ORDERS + 1);
        }
    }

    private String place(AppProcess app, String customer) throws Exception {
        HttpResponse<String> response = call(app, "POST", "/api/orders", "{\"customerId\":\"" + customer
                + "\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":10.00}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("orderId").asText();
    }

    private String status(AppProcess app, String orderId) {
        try {
            HttpResponse<String> response = call(app, "GET", "/api/orders/" + orderId, null);
            return response.statusCode() == 200 ? json.readTree(response.body()).get("status").asText() : "MISSING";
        } catch (Exception e) {
            return "UNREACHABLE";
        }
    }

    private static boolean isFinal(String status) {
        return "DELIVERED".equals(status) || "PAYMENT_FAILED".equals(status);
    }

    private static HttpResponse<String> call(AppProcess app, String method, String path, String body)
            throws Exception {
        return app.call(method, path, body, AppTestSupport.TOKEN);
    }

    private static long single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
