package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.app.kafka.EmbeddedKafkaBroker;
import io.orderflow.contract.FreePorts;
import io.orderflow.testsupport.AppProcess;

/**
 * The production shape on one machine: 3 Kafka nodes (KRaft, replication 3, min.insync 2) and 3 application
 * instances on one PostgreSQL, each in its own JVM, all on loopback. Orders go in at a steady rate, round robin over
 * the instances; mid-run one instance is killed (-9) and started again, later one broker. Then every accepted order
 * must be final, no effect repeated, every group caught up, and the work spread over the instances.
 * <p>
 * Run by {@code ./mvnw -pl routes-app -am -Pcluster -DskipTests verify} with PostgreSQL beside it
 * ({@code scripts/with-postgres.sh}); settings {@code -Dcluster.orders} (2000) and {@code -Dcluster.rate} (per second, 20).
 */
class ClusterRun {

    private static final int ORDERS = Integer.getInteger("cluster.orders", 2000);
    private static final int RATE = Integer.getInteger("cluster.rate", 20);
    private static final int NODES = 3;
    private static final int INSTANCES = 3;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Boolean> accepted = new ConcurrentHashMap<>();
    private final AtomicIntegerArray placedBy = new AtomicIntegerArray(INSTANCES);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    /** Instances the load leaves alone while they are killed and started again. */
    private final Set<Integer> down = ConcurrentHashMap.newKeySet();
    /** The load and the starts run beside each other: the common pool has a single thread on 2 cores. */
    private final ExecutorService background = Executors.newCachedThreadPool();

    @Test
    void killedInstanceAndBrokerLoseNothingAndRepeatNothing() throws Exception {
        TestDatabase.assumeAvailable();
        long started = System.nanoTime();
        Path root = Files.createTempDirectory("orderflow-cluster-");
        Path logs = Files.createDirectories(Path.of("target", "cluster").toAbsolutePath());
        TestDatabase database = TestDatabase.create(root);

        List<KafkaNodeProcess> nodes = new ArrayList<>();
        List<AppProcess> apps = new ArrayList<>();
        try {
            String bootstrap = startKafka(root, logs, nodes);
            for (int i = 0; i < INSTANCES; i++) {
                List<String> args = new ArrayList<>(List.of("--orderflow.kafka.replication-factor=" + NODES));
                args.addAll(database.applicationArguments());
                // one operator token for all instances, from the environment as the README tells an operator
                Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                        "ORDERFLOW_OPERATOR_TOKEN", AppTestSupport.TOKEN);
                apps.add(AppProcess.configuredBy(root.resolve("app-" + i), logs.resolve("app-" + i + ".log"),
                        environment, args.toArray(String[]::new)).withHeap("384m"));
            }
            apps.get(0).start(); // migrates the schema and creates the topics; the others then start side by side
            CompletableFuture.allOf(apps.subList(1, INSTANCES).stream()
                    .map(app -> CompletableFuture.runAsync(() -> startQuietly(app), background))
                    .toArray(CompletableFuture[]::new))
                    .get(5, TimeUnit.MINUTES);
            System.out.printf("Cluster: started 3 nodes and 3 instances in %d s%n", elapsed(started));

            long loadStarted = System.nanoTime();
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> placeOrders(apps), background);
            awaitSent(ORDERS / 3);
            down.add(1);
            apps.get(1).kill();
            System.out.printf("Cluster: killed instance 1 after %d orders sent%n", sent.get());
            // started again beside the load, which goes on over the other two: a start takes a while on 2 cores
            CompletableFuture<Void> restarted = CompletableFuture
                    .runAsync(() -> startQuietly(apps.get(1)), background).thenRun(() -> down.remove(1));
            awaitSent(2 * ORDERS / 3);
            nodes.get(1).kill();
            int sentAtBrokerKill = sent.get();
            System.out.printf("Cluster: killed Kafka node 2 after %d orders sent%n", sentAtBrokerKill);
            nodes.get(1).start().awaitListening();
            restarted.get(5, TimeUnit.MINUTES);
            load.get(10, TimeUnit.MINUTES);
            assertThat(sentAtBrokerKill).as("orders sent when the broker was killed, of " + ORDERS)
                    .isLessThan(ORDERS);
            long loadSeconds = elapsed(loadStarted);

            try (Connection db = database.connect();
                 AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                await().atMost(5, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1))
                        .until(() -> notFinal(db) == 0 && GroupLag.total(admin) == 0);
                assertThat(orderIds(db)).as("orders stored").containsAll(accepted.keySet());
                long delivered = count(db, "select count(*) from orders where status = 'DELIVERED'");
                long failed = count(db, "select count(*) from orders where status = 'PAYMENT_FAILED'");
                long duplicates = count(db, "select count(*) from (select order_id, status from order_timeline"
                        + " where applied group by order_id, status having count(*) > 1) dup");
                long mismatched = count(db, "select count(*) from orders o where (o.status = 'DELIVERED' and ("
                        + " (select count(*) from payments p where p.order_id = o.order_id and p.approved) <> 1"
                        + " or (select count(*) from shipments s where s.order_id = o.order_id) <> 1"
                        + " or (select count(*) from deliveries d where d.order_id = o.order_id) <> 1))"
                        + " or (o.status = 'PAYMENT_FAILED' and ("
                        + " (select count(*) from payments p where p.order_id = o.order_id and not p.approved) <> 1"
                        + " or (select count(*) from shipments s where s.order_id = o.order_id) <> 0))");
                long deadLettered = count(db, "select count(*) from dead_letters");
                Map<String, Integer> partitionsPerInstance = partitionsPerInstance(admin);
                long lost = accepted.size() - delivered - failed;
                System.out.printf("Cluster: | sent | accepted | delivered | payment-failed | dead-lettered"
                                + " | duplicates | mismatched | lost | refused |%n"
                                + "Cluster: | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n"
                                + "Cluster: placed per instance %s; stage partitions per instance %s; load %d s (%.1f"
                                + " orders/s), whole run %d s%n",
                        ORDERS, accepted.size(), delivered, failed, deadLettered, duplicates, mismatched, lost,
                        refused.get(), placedBy, partitionsPerInstance, loadSeconds,
                        accepted.size() / (double) Math.max(1, loadSeconds), elapsed(started));
                assertThat(lost).as("accepted orders not final").isZero();
                assertThat(duplicates).as("status applied twice").isZero();
                assertThat(mismatched).as("orders whose effects do not match their status").isZero();
                assertThat(accepted.size()).as("orders accepted").isGreaterThan(ORDERS * 9 / 10);
                for (int i = 0; i < INSTANCES; i++) {
                    assertThat(placedBy.get(i)).as("orders placed through instance " + i).isPositive();
                }
                // the restarted instance's rejoin can still be rebalancing when the last order is final: a group
                // mid-rebalance reports members without partitions, so this waits for the groups to settle
                await().atMost(2, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(partitionsPerInstance(admin)).as("instances consuming").hasSize(INSTANCES));
                for (AppProcess app : apps) {
                    assertThat(operatorGet(app, "/api/dead-letters/summary"))
                            .as("the shared operator token on " + app.url("")).isEqualTo(200);
                }
            }
        } finally {
            for (AppProcess app : apps) {
                app.close();
            }
            for (KafkaNodeProcess node : nodes) {
                node.close();
            }
            background.shutdownNow();
            deleteRecursively(root);
        }
    }

    private String startKafka(Path root, Path logs, List<KafkaNodeProcess> nodes) throws Exception {
        Map<Integer, Integer> voters = new HashMap<>();
        for (int id = 1; id <= NODES; id++) {
            voters.put(id, FreePorts.pick());
        }
        String clusterId = Uuid.randomUuid().toString();
        List<String> bootstrap = new ArrayList<>();
        for (int id = 1; id <= NODES; id++) {
            var node = new EmbeddedKafkaBroker.Node(id, FreePorts.pick(), voters.get(id), Map.copyOf(voters),
                    clusterId, (short) NODES);
            nodes.add(new KafkaNodeProcess(node, root.resolve("kafka-" + id), logs.resolve("kafka-" + id + ".log"))
                    .start());
        }
        for (KafkaNodeProcess node : nodes) {
            bootstrap.add(node.awaitListening().bootstrap());
        }
        return String.join(",", bootstrap);
    }

    /**
     * Steady rate, round robin over the instances that are up. A call that fails or is answered "unavailable" or
     * "in progress" is tried again on the next instance with the same {@code Idempotency-Key}, after the answer's
     * {@code Retry-After} (or a second), for up to three minutes (a key's in-progress lease is one), as a
     * well-behaved client does; any other answer than 201 is a refusal.
     */
    private void placeOrders(List<AppProcess> apps) {
        long period = TimeUnit.SECONDS.toNanos(1) / RATE;
        long start = System.nanoTime();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int n = 0; n < ORDERS; n++) {
            LockSupport.parkNanos(start + n * period - System.nanoTime());
            boolean overLimit = n % 20 == 0; // 5 % over the payment limit: they end PAYMENT_FAILED
            calls.add(place(apps, n, n % INSTANCES, overLimit ? "20000.00" : "10.00",
                    System.nanoTime() + TimeUnit.MINUTES.toNanos(3)));
            sent.incrementAndGet();
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.MINUTES).join();
    }

    private CompletableFuture<?> place(List<AppProcess> apps, int n, int instance, String price, long deadline) {
        if (down.contains(instance)) {
            return place(apps, n, (instance + 1) % INSTANCES, price, deadline);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(apps.get(instance).url("/api/orders")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "cluster-order-" + n)
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"cluster-" + n
                        + "\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":" + price + "}]}"))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error == null && response.statusCode() == 201) {
                try {
                    accepted.put(json.readTree(response.body()).get("orderId").asText(), true);
                    placedBy.incrementAndGet(instance);
                    return CompletableFuture.completedFuture(null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            // 409: the key's first try is still held, by an instance that may have died; its lease runs out
            boolean unavailable = error != null || response.statusCode() == 503 || response.statusCode() == 409;
            if (!unavailable || System.nanoTime() > deadline) {
                refused.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }
            long retryAfter = error == null ? response.headers().firstValueAsLong("Retry-After").orElse(1) : 1;
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(retryAfter, TimeUnit.SECONDS))
                    .thenCompose(ignored -> place(apps, n, (instance + 1) % INSTANCES, price, deadline));
        }).thenCompose(next -> next);
    }

    private int operatorGet(AppProcess app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Authorization", "Bearer " + AppTestSupport.TOKEN).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits until the load has sent this many orders, whatever their answers: the kills keep to the load's time. */
    private void awaitSent(int orders) {
        await().atMost(5, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(200)).until(() -> sent.get() >= orders);
    }

    /** Partitions of the stage groups assigned to each instance (a member's client id is group-instance name). */
    private static Map<String, Integer> partitionsPerInstance(AdminClient admin) throws Exception {
        Map<String, Integer> byInstance = new TreeMap<>();
        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GroupLag.GROUPS.subList(0, 4))
                .all().get(30, TimeUnit.SECONDS);
        groups.values().forEach(group -> group.members().forEach(member -> byInstance.merge(
                member.clientId().substring(group.groupId().length() + 1),
                member.assignment().topicPartitions().size(), Integer::sum)));
        byInstance.values().removeIf(partitions -> partitions == 0);
        return byInstance;
    }

    private static long notFinal(Connection db) throws Exception {
        return count(db, "select count(*) from orders where status not in ('DELIVERED', 'PAYMENT_FAILED')");
    }

    private static Set<String> orderIds(Connection db) throws Exception {
        Set<String> ids = new HashSet<>();
        try (ResultSet rs = db.createStatement().executeQuery("select order_id from orders")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void startQuietly(AppProcess app) {
        try {
            app.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long elapsed(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }
}
