package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.orderflow.contract.Topic;

/**
 * {@code POST /api/orders} with group commit against the real database and broker: concurrent orders share
 * transactions, yet each is stored once, announced once, answered with its own outcome, and delivered.
 */
class GroupCommitIT extends AppTestSupport {

    private final ExecutorService clients = Executors.newFixedThreadPool(32);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void concurrentOrdersShareTransactionsAndEachIsStoredAndAnnouncedOnce() throws Exception {
        String customer = "group-" + UUID.randomUUID();
        Map<String, Double> before = placementMetrics();

        List<Future<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pending.add(clients.submit(() -> post("/api/orders", order(customer))));
        }
        List<String> orderIds = new ArrayList<>();
        for (Future<HttpResponse<String>> response : pending) {
            HttpResponse<String> answered = response.get(60, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
            orderIds.add(parse(answered).get("orderId").asText());
        }

        assertThat(orderIds).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select order_id from orders where customer_id = ?").param(customer)
                .query(String.class).list()).containsExactlyInAnyOrderElementsOf(orderIds);
        // events leave through the outbox after the 201: delivered means announced and its CREATED step written
        awaitAllDelivered(customer, orderIds.size());
        assertAnnouncedOnceWhereTheTimelineSays(orderIds);

        Map<String, Double> after = placementMetrics();
        double groups = after.get("group_size_count") - before.get("group_size_count");
        double placed = after.get("group_size_sum") - before.get("group_size_sum");
        System.out.printf("group commit: 200 orders from 32 clients in %.0f transactions (largest group %.0f)%n",
                groups, after.get("group_size_max"));
        assertThat(placed).isEqualTo(200);
        assertThat(groups).as("transactions for 200 concurrent orders").isLessThan(200);
        assertThat(after.get("group_size_max")).isGreaterThan(1);
        assertThat(after.get("fallbacks_total")).isEqualTo(before.get("fallbacks_total"));
    }

    @Test
    void aBadOrderFailsAloneWhileTheRestOfItsGroupIsPlaced() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> customers = List.of("neighbour-1-" + run, "neighbour-2-" + run, "reject-" + run,
                "neighbour-3-" + run, "neighbour-4-" + run, "neighbour-5-" + run);
        jdbc.sql("create trigger placement_gate before insert on orders for each row call '"
                + PlacementGate.class.getName() + "'").update();
        PlacementGate.shut();
        try {
            Map<String, Double> before = placementMetrics();
            Future<HttpResponse<String>> gate = clients.submit(() -> post("/api/orders", order("gate-" + run)));
            assertThat(PlacementGate.awaitHeld()).as("the writer holds the gate order").isTrue();
            List<Future<HttpResponse<String>>> group = new ArrayList<>();
            for (String customer : customers) {
                group.add(clients.submit(() -> post("/api/orders", order(customer))));
            }
            await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20))
                    .until(() -> placementMetrics().get("queued") == customers.size());
            PlacementGate.open();

            assertThat(gate.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
            for (int i = 0; i < customers.size(); i++) {
                answers.put(customers.get(i), group.get(i).get(30, TimeUnit.SECONDS));
            }
            HttpResponse<String> rejected = answers.remove("reject-" + run);
            assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(500);
            assertThat(parse(rejected).get("error").asText()).isEqualTo("internal_error");
            assertThat(parse(rejected).get("detail").asText()).contains("nothing was published");
            List<String> orderIds = new ArrayList<>();
            answers.forEach((customer, answer) -> {
                assertThat(answer.statusCode()).as(customer + ": " + answer.body()).isEqualTo(201);
                orderIds.add(parse(answer).get("orderId").asText());
            });

            Map<String, Double> after = placementMetrics();
            assertThat(after.get("fallbacks_total") - before.get("fallbacks_total")).isEqualTo(1);
            assertThat(after.get("group_size_count") - before.get("group_size_count"))
                    .as("the gate order, the group of six, then each of the six alone").isEqualTo(1 + 1 + 6);
            assertThat(after.get("group_size_sum") - before.get("group_size_sum")).isEqualTo(1 + 6 + 6);

            assertThat(jdbc.sql("select count(*) from orders where customer_id = ?").param("reject-" + run)
                    .query(Long.class).single()).isZero();
            assertThat(topics().read(Topic.ORDER.topicName(), r -> new String(r.value(), StandardCharsets.UTF_8)
                    .contains("reject-" + run))).as("no event of the rejected order").isEmpty();
            for (String orderId : orderIds) {
                awaitStatus(orderId, "DELIVERED");
            }
            assertAnnouncedOnceWhereTheTimelineSays(orderIds);
        } finally {
            PlacementGate.open();
            jdbc.sql("drop trigger if exists placement_gate").update();
        }
    }

    @Test
    void anOrderTheWriterCannotTakeInTimeIsAnswered503WithRetryAfterAndLeavesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("create trigger placement_gate before insert on orders for each row call '"
                + PlacementGate.class.getName() + "'").update();
        PlacementGate.shut();
        try {
            Future<HttpResponse<String>> gate = clients.submit(() -> post("/api/orders", order("gate-" + run)));
            assertThat(PlacementGate.awaitHeld()).as("the writer holds the gate order").isTrue();

            // waits orderflow.placement.queue-timeout (10 s) behind the held writer, then gives up
            HttpResponse<String> refused = post("/api/orders", order("impatient-" + run));

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(parse(refused).get("error").asText()).isEqualTo("service_unavailable");
            assertThat(parse(refused).get("detail").asText()).contains("nothing was stored");
            PlacementGate.open();
            assertThat(gate.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            assertThat(jdbc.sql("select count(*) from orders where customer_id = ?").param("impatient-" + run)
                    .query(Long.class).single()).isZero();
        } finally {
            PlacementGate.open();
            jdbc.sql("drop trigger if exists placement_gate").update();
        }
    }

    /** Exactly one OrderCreated per order on order-events, at the partition and offset its CREATED step names. */
    private void assertAnnouncedOnceWhereTheTimelineSays(List<String> orderIds) {
        Set<String> ids = new HashSet<>(orderIds);
        Map<String, List<ConsumerRecord<String, byte[]>>> events = topics().read(Topic.ORDER.topicName(),
                r -> ids.contains(r.key())).stream().collect(Collectors.groupingBy(ConsumerRecord::key));
        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        Map<String, String> created = jdbc.sql("""
                select order_id, kafka_partition, kafka_offset from order_timeline
                where status = 'CREATED' and topic = 'order-events'""")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2) + "/" + rs.getLong(3))).list().stream()
                .filter(e -> ids.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        events.forEach((orderId, records) -> {
            assertThat(records).as("OrderCreated of " + orderId).singleElement().satisfies(r -> {
                assertThat(OrderFlowIT.header(r, "eventType")).isEqualTo("OrderCreated");
                assertThat(created.get(orderId)).isEqualTo(r.partition() + "/" + r.offset());
            });
        });
    }

    private void awaitAllDelivered(String customer, int count) {
        await().atMost(120, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> jdbc
                .sql("select count(*) from orders where customer_id = ? and status = 'DELIVERED'").param(customer)
                .query(Long.class).single() == count);
    }

    /** The group commit's meters as an operator sees them on /actuator/prometheus, without the common prefix. */
    private Map<String, Double> placementMetrics() {
        String prefix = "orderflow_order_placement_";
        return send("GET", "/actuator/prometheus", null, null, null).body().lines()
                .filter(line -> line.startsWith(prefix))
                .collect(Collectors.toMap(line -> line.substring(prefix.length()).split("[{ ]")[0],
                        line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum));
    }

    private static String order(String customerId) {
        return "{\"customerId\":\"" + customerId
                + "\",\"items\":[{\"productId\":\"product123\",\"quantity\":1,\"price\":12.50}]}";
    }
}
