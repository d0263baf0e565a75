package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.orderflow.contract.Topic;

/**
 * {@code Idempotency-Key}: a client that retries (after a timeout, say) gets the first answer again, and exactly
 * one order exists and is announced, however the retries arrive.
 */
class IdempotencyIT extends AppTestSupport {

    private final ExecutorService clients = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void theSameKeyAndOrderAnswerTheFirstResponseAndPlaceOneOrder() {
        String customer = "retrying-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = postWithKey("/api/orders", order(customer, 1), key);
        HttpResponse<String> again = postWithKey("/api/orders", order(customer, 1), key);
        // the same order written differently is the same request
        HttpResponse<String> respaced = postWithKey("/api/orders", order(customer, 1).replace(",", " , "), key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        for (HttpResponse<String> retry : List.of(again, respaced)) {
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
            assertThat(parse(retry)).isEqualTo(parse(first));
            assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }
        assertOneOrderAnnounced(customer, parse(first).get("orderId").asText());
    }

    @Test
    void theSameKeyWithAnotherOrderIs422AndPlacesNothing() {
        String customer = "changed-mind-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = postWithKey("/api/orders", order(customer, 1), key);
        HttpResponse<String> other = postWithKey("/api/orders", order(customer, 2), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(parse(other).get("error").asText()).isEqualTo("idempotency_key_reused");
        assertOneOrderAnnounced(customer, parse(first).get("orderId").asText());
    }

    @Test
    void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
        String customer = "impatient-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return postWithKey("/api/orders", order(customer, 1), key);
            }));
        }
        start.countDown();
        List<String> orderIds = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            orderIds.add(parse(response).get("orderId").asText());
        }
        assertThat(orderIds).containsOnly(orderIds.get(0));
        assertOneOrderAnnounced(customer, orderIds.get(0));
    }

    @Test
    void checkoutWithAKeyAnswersItsOrderAgainInsteadOf409() {
        String cartId = "idem-cart-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String checkout = "{\"customerId\":\"cart-owner\"}";
        HttpResponse<String> early = postWithKey("/api/carts/" + cartId + "/checkout", checkout, key);
        assertThat(early.statusCode()).as("no cart yet: a failure gives the key back").isEqualTo(404);
        assertThat(post("/api/carts/" + cartId + "/items", "{\"productId\":\"p\",\"quantity\":2,\"price\":4.00}")
                .statusCode()).isEqualTo(201);

        HttpResponse<String> first = postWithKey("/api/carts/" + cartId + "/checkout", checkout, key);
        HttpResponse<String> again = postWithKey("/api/carts/" + cartId + "/checkout", checkout, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(parse(again).get("orderId")).isEqualTo(parse(first).get("orderId"));
        assertThat(post("/api/carts/" + cartId + "/checkout", checkout).statusCode())
                .as("without the key, a second checkout is still a conflict").isEqualTo(409);
        assertThat(postWithKey("/api/carts/other-" + cartId + "/checkout", checkout, key).statusCode())
                .as("the key belongs to the first cart's checkout").isEqualTo(422);

        String orderId = parse(first).get("orderId").asText();
        awaitStatus(orderId, "DELIVERED");
        assertThat(topics().read(Topic.CART.topicName(), r -> cartId.equals(r.key())
                && "CartCheckedOut".equals(OrderFlowIT.header(r, "eventType")))).hasSize(1);
    }

    @Test
    void anExpiredKeyIsANewKey() {
        String customer = "returning-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = postWithKey("/api/orders", order(customer, 1), key);
        assertThat(first.statusCode()).isEqualTo(201);
        // as if orderflow.idempotency.key-ttl had passed
        jdbc.sql("update idempotency_keys set expires_at = created_at where idempotency_key = ?").param(key).update();

        HttpResponse<String> later = postWithKey("/api/orders", order(customer, 2), key);
        assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
        assertThat(parse(later).get("orderId")).isNotEqualTo(parse(first).get("orderId"));
        assertThat(later.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void aKeyHeldByARequestWhoseInstanceDiedIsTakenOverOnceItsLeaseRanOut() {
        String customer = "orphaned-" + UUID.randomUUID();
        String earlier = UUID.randomUUID().toString();
        assertThat(postWithKey("/api/orders", order(customer, 1), earlier).statusCode()).isEqualTo(201);
        // what an instance killed between claiming a key and committing its order leaves: a claim, no order (the
        // same request as the earlier one, so the same hash; its lease already over)
        String key = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into idempotency_keys (idempotency_key, request_hash, state, claim_id, created_at, expires_at)
                select ?, request_hash, 'IN_PROGRESS', 'instance-that-died', created_at, created_at
                from idempotency_keys where idempotency_key = ?""").params(key, earlier).update();

        HttpResponse<String> retry = postWithKey("/api/orders", order(customer, 1), key);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).as("it ran, nothing was kept").isEmpty();
        assertThat(jdbc.sql("select state from idempotency_keys where idempotency_key = ?").param(key)
                .query(String.class).single()).isEqualTo("DONE");
        assertThat(postWithKey("/api/orders", order(customer, 1), key).headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        assertThat(jdbc.sql("select count(*) from orders where customer_id = ?").param(customer)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aKeyMustBeVisibleAscii() {
        for (String bad : List.of("x".repeat(256), "two words", "tab\tbed")) {
            HttpResponse<String> response = postWithKey("/api/orders", order("bad-key", 1), bad);
            assertThat(response.statusCode()).as(bad + ": " + response.body()).isEqualTo(400);
            assertThat(parse(response).get("detail").asText()).contains("Idempotency-Key");
        }
    }

    private void assertOneOrderAnnounced(String customer, String orderId) {
        assertThat(jdbc.sql("select order_id from orders where customer_id = ?").param(customer)
                .query(String.class).list()).containsExactly(orderId);
        assertThat(topics().read(Topic.ORDER.topicName(), r -> orderId.equals(r.key())
                && "OrderCreated".equals(OrderFlowIT.header(r, "eventType")))).hasSize(1);
        assertThat(topics().read(Topic.ORDER.topicName(), r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(customer))).as("no other order of this customer was announced").hasSize(1);
    }

    private HttpResponse<String> postWithKey(String path, String body, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String order(String customerId, int quantity) {
        return "{\"customerId\":\"" + customerId + "\",\"items\":[{\"productId\":\"product123\",\"quantity\":"
                + quantity + ",\"price\":12.50}]}";
    }
}
