package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.orderflow.contract.Topic;
import io.orderflow.delivery.DeliveryRoutes;
import io.orderflow.dispatch.DispatchRoutes;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.FaultSettings;
import io.orderflow.tracking.OrderRoutes;

/**
 * Thousands of orders with 20% transient faults on every stage: every order ends in a final state or in a dead
 * letter (none lost), and no stage's effect happens twice for an order. {@code -Dsoak.orders=N} resizes it.
 */
class TransientFaultSoakIT extends AppTestSupport {

    private static final int ORDERS = Integer.getInteger("soak.orders", 2000);
    private static final double FAULT_RATE = 0.2;
    private static final String FINAL = "('DELIVERED', 'PAYMENT_FAILED')";

    @Test
    void nothingLostNothingDoneTwice() throws Exception {
        FaultSettings transientFaults = new FaultSettings(FAULT_RATE, null, 0);
        for (String stage : List.of(OrderRoutes.STAGE, PaymentRoutes.STAGE, DispatchRoutes.STAGE,
                DeliveryRoutes.STAGE)) {
            faults.set(stage, transientFaults);
        }
        String prefix = "soak-" + UUID.randomUUID() + "-";
        long started = System.nanoTime();
        placeAll(prefix);
        String customers = prefix + "%";

        await().atMost(10, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("select count(*) from orders where customer_id like ? and status in " + FINAL, customers)
                        + deadLetteredOrders(customers) == ORDERS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        faults.clear();

        long delivered = count("select count(*) from orders where customer_id like ? and status = 'DELIVERED'",
                customers);
        long paymentFailed = count(
                "select count(*) from orders where customer_id like ? and status = 'PAYMENT_FAILED'", customers);
        long deadLettered = deadLetteredOrders(customers);
        long sent = count("select count(*) from orders where customer_id like ?", customers);
        long duplicates = duplicateEffects(customers) + duplicateEvents(customers);
        long lost = ORDERS - delivered - paymentFailed - deadLettered;
        long injected = faults.injectedCount(OrderRoutes.STAGE) + faults.injectedCount(PaymentRoutes.STAGE)
                + faults.injectedCount(DispatchRoutes.STAGE) + faults.injectedCount(DeliveryRoutes.STAGE);

        System.out.printf("%nSoak: %d orders, %.0f%% transient faults per stage, %d faults injected, %d s%n",
                ORDERS, FAULT_RATE * 100, injected, seconds);
        System.out.printf("| sent | accepted | delivered | payment-failed | dead-lettered | duplicates | lost |%n");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %d |%n%n", ORDERS, sent, delivered, paymentFailed,
                deadLettered, duplicates, lost);

        assertThat(sent).isEqualTo(ORDERS);
        assertThat(duplicates).isZero();
        assertThat(lost).isZero();
        assertThat(paymentFailed).as("every 20th order is over the payment limit, unless one of its events was"
                + " dead-lettered").isBetween(ORDERS / 20 - deadLettered, (long) ORDERS / 20);
        assertThat(injected).as("faults really happened").isGreaterThan(ORDERS / 2);
        // an order whose last status event was dead-lettered has its delivery but not yet its DELIVERED status
        assertThat(count("select count(*) from orders o where o.customer_id like ? and o.status = 'DELIVERED'"
                + " and exists (select 1 from deliveries d where d.order_id = o.order_id)", customers))
                .as("every delivered order has its delivery record").isEqualTo(delivered);
    }

    /** Places the orders over several keep-alive connections at once, as shop back-ends would. */
    private void placeAll(String prefix) {
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String price = i % 20 == 0 ? "10000.01" : "12.34";
            String body = "{\"customerId\":\"" + prefix + i + "\",\"items\":[{\"productId\":\"p\",\"quantity\":1,"
                    + "\"price\":" + price + "}]}";
            inFlight.acquireUninterruptibly();
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> inFlight.release()));
        }
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.join().statusCode()).isEqualTo(201);
        }
    }

    private long deadLetteredOrders(String customers) {
        return count("select count(distinct o.order_id) from orders o join dead_letters d on d.order_id = o.order_id"
                + " where o.customer_id like ? and o.status not in " + FINAL + " and d.state = 'PENDING'", customers);
    }

    /** More than one payment, shipment, delivery or applied status step for the same order. */
    private long duplicateEffects(String customers) {
        long total = 0;
        for (String table : List.of("payments", "shipments", "deliveries")) {
            total += count("select count(*) from (select t.order_id from " + table + " t join orders o"
                    + " on o.order_id = t.order_id where o.customer_id like ? group by t.order_id"
                    + " having count(*) > 1) dup", customers);
        }
        total += count("select count(*) from (select t.order_id, t.status from order_timeline t join orders o"
                + " on o.order_id = t.order_id where o.customer_id like ? and t.applied"
                + " group by t.order_id, t.status having count(*) > 1) dup", customers);
        return total;
    }

    /** Distinct event ids per order and event type on the stage topics: a redelivery may resend, never re-mint. */
    private long duplicateEvents(String customers) {
        Set<String> soakOrders = new HashSet<>(jdbc.sql("select order_id from orders where customer_id like ?")
                .param(customers).query(String.class).list());
        long duplicates = 0;
        for (Topic topic : List.of(Topic.ORDER, Topic.PAYMENT, Topic.DISPATCH, Topic.DELIVERY)) {
            Map<String, Set<String>> eventIds = new HashMap<>();
            for (var record : topics().read(topic.topicName(), r -> soakOrders.contains(r.key()))) {
                eventIds.computeIfAbsent(record.key() + "/" + OrderFlowIT.header(record, "eventType"),
                        k -> new HashSet<>()).add(OrderFlowIT.header(record, "eventId"));
            }
            duplicates += eventIds.values().stream().filter(ids -> ids.size() > 1).count();
        }
        return duplicates;
    }

    private long count(String sql, String customers) {
        return jdbc.sql(sql).param(customers).query(Long.class).single();
    }
}
