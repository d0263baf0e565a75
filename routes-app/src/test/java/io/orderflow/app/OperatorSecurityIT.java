package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.FaultSettings;

/**
 * Operators sign in with the token, a named account or an identity provider's JWT, and each role reaches exactly
 * its endpoints: everything else is 401 or 403 and changes nothing. The audit names who signed in.
 */
class OperatorSecurityIT extends AppTestSupport {

    /** An operator endpoint and the lowest role that may use it. */
    private record Endpoint(String method, String path, String body, String role, int allowedStatus) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/dead-letters?size=1", null, "viewer", 200),
            new Endpoint("GET", "/api/dead-letters/summary", null, "viewer", 200),
            new Endpoint("GET", "/api/dead-letters/audit?limit=1", null, "viewer", 200),
            new Endpoint("GET", "/api/faults", null, "viewer", 200),
            // unknown ids: an allowed caller gets past security to the 404, and nothing is replayed or discarded
            new Endpoint("POST", "/api/dead-letters/replay", "{\"ids\":[\"order-events.DLT/9/999999\"]}", "operator",
                    404),
            new Endpoint("POST", "/api/dead-letters/discard",
                    "{\"ids\":[\"order-events.DLT/9/999999\"],\"reason\":\"r\"}", "operator", 404),
            new Endpoint("DELETE", "/api/dead-letters/replay-jobs/no-such-job", null, "operator", 404),
            new Endpoint("PUT", "/api/faults/delivery", "{\"latencyMs\":1}", "admin", 200),
            new Endpoint("DELETE", "/api/faults/delivery", null, "admin", 200));
    private static final List<String> ROLES = List.of("viewer", "operator", "admin");

    /** A caller signed in as someone, and the roles that gives them. */
    private record Caller(String description, String authorization, String name, List<String> roles) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Caller> signedIn() {
        List<Caller> callers = new ArrayList<>();
        OPERATORS.forEach((name, role) -> callers.add(new Caller("account " + name + " (" + role + ")",
                basic(name, name + PASSWORD_SUFFIX), name, impliedBy(role))));
        callers.add(new Caller("operator token as Bearer", "Bearer " + TOKEN, "operator", ROLES));
        callers.add(new Caller("operator token as Basic", basic("operator", TOKEN), "operator", ROLES));
        for (String role : ROLES) {
            callers.add(new Caller("JWT " + role, "Bearer " + IDP.token("jwt-" + role, List.of(role, "unrelated")),
                    "jwt-" + role, impliedBy(role)));
        }
        callers.add(new Caller("JWT without our roles", "Bearer " + IDP.token("jwt-nobody", List.of("billing")),
                "jwt-nobody", List.of()));
        return callers.stream();
    }

    static Stream<Arguments> refusedLogins() {
        return Stream.of(
                Arguments.of("no credentials", null),
                Arguments.of("wrong password", basic("otto", "guess")),
                Arguments.of("wrong token", "Bearer not-the-operator-token"),
                Arguments.of("expired JWT", "Bearer " + IDP.expiredToken("jwt-late", List.of("admin"))),
                Arguments.of("JWT of another issuer", "Bearer "
                        + IDP.tokenFromIssuer("https://evil.example/realms/ops", "jwt-evil", List.of("admin"))),
                Arguments.of("JWT signed by another key", "Bearer "
                        + IDP.tokenSignedByAnotherKey("jwt-forged", List.of("admin"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedIn")
    void eachRoleReachesItsEndpointsAndNoOthers(Caller caller) {
        long auditBefore = auditRows();
        JsonNode me = parse(send("GET", "/api/operators/me", null, null, caller.authorization()));
        assertThat(me.get("name").asText()).isEqualTo(caller.name());
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactlyElementsOf(caller.roles());

        for (Endpoint endpoint : ENDPOINTS) {
            HttpResponse<String> response = send(endpoint.method(), endpoint.path(),
                    endpoint.body() == null ? null : "application/json", endpoint.body(), caller.authorization());
            boolean allowed = caller.roles().contains(endpoint.role());
            assertThat(response.statusCode()).as(caller + " " + endpoint + ": " + response.body())
                    .isEqualTo(allowed ? endpoint.allowedStatus() : 403);
            if (!allowed) {
                assertThat(parse(response).get("error").asText()).isEqualTo("forbidden");
                assertThat(faults.active()).as("a refused fault change changes nothing").isEmpty();
            }
        }
        assertThat(auditRows()).as("nothing was replayed or discarded").isEqualTo(auditBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedLogins")
    void refusedLoginsGet401AndChangeNothing(String description, String authorization) {
        long auditBefore = auditRows();
        for (Endpoint endpoint : List.of(ENDPOINTS.get(0), ENDPOINTS.get(4), ENDPOINTS.get(7))) {
            HttpResponse<String> response = send(endpoint.method(), endpoint.path(),
                    endpoint.body() == null ? null : "application/json", endpoint.body(), authorization);
            assertThat(response.statusCode()).as(description + " " + endpoint).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(parse(response).get("error").asText()).isEqualTo("unauthorized");
        }
        assertThat(faults.active()).isEmpty();
        assertThat(auditRows()).isEqualTo(auditBefore);
    }

    /**
     * Camel's REST matching ignores case and surrounding slashes and sees the decoded path, so each of these reaches
     * an operator route: each must meet that route's rule.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET,/api/DEAD-LETTERS?size=1", "GET,/api/Dead-Letters/summary", "GET,/api/dead-letters/",
            "GET,/api/FAULTS", "GET,/api/faults/", "GET,/api/%66aults", "GET,/api/Routes", "GET,/api/OPERATORS/me",
            "POST,/api/Dead-Letters/Replay"})
    void otherSpellingsOfAnOperatorPathNeedCredentialsToo(String method, String path) {
        HttpResponse<String> response = send(method, path, "application/json", "{}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PUT,/api/FAULTS/delivery", "PUT,/api/Faults/delivery/", "PUT,/api/%66aults/delivery",
            "POST,/api/ROUTES/no-such-route/stop", "POST,/api/dead-letters/replay/", "POST,/api/Dead-Letters/Discard"})
    void otherSpellingsOfAnOperatorsActionAreRefusedToAViewer(String method, String path) {
        HttpResponse<String> response = send(method, path, "application/json", "{\"latencyMs\":1}",
                basic("vera", "vera" + PASSWORD_SUFFIX));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(faults.active()).isEmpty();
    }

    @Test
    void theAuditNamesWhoSignedInNeverAClientSuppliedName() {
        String customer = "audited-" + UUID.randomUUID();
        faults.set(PaymentRoutes.STAGE, new FaultSettings(0, customer, 0));
        String orderId = placeOrder(customer, "3.00");
        String path = "/api/dead-letters?state=PENDING&orderId=" + orderId;
        await().atMost(30, TimeUnit.SECONDS).until(() -> operatorGet(path).get("items").size() == 1);
        String id = operatorGet(path).get("items").get(0).get("id").asText();

        HttpRequest dryRun = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dead-letters/replay"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + IDP.token("jules", List.of("operator")))
                .header("X-Operator", "mallory").header("X-Orderflow-Operator", "mallory")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[\"" + id + "\"],\"dryRun\":true}")).build();
        assertThat(call(dryRun).statusCode()).isEqualTo(200);
        HttpRequest discard = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dead-letters/discard"))
                .header("Content-Type", "application/json").header("Authorization", basic("otto", "otto" + PASSWORD_SUFFIX))
                .header("X-Operator", "mallory").header("X-Orderflow-Operator", "mallory")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[\"" + id + "\"],\"reason\":\"test order\"}"))
                .build();
        assertThat(call(discard).statusCode()).isEqualTo(200);

        JsonNode audit = operatorGet("/api/dead-letters/audit?limit=2");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("DISCARD");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("otto");
        assertThat(audit.get(1).get("action").asText()).isEqualTo("DRY_RUN");
        assertThat(audit.get(1).get("actor").asText()).isEqualTo("jules");
    }

    @Test
    void healthDetailsOnlyForOperators() {
        HttpResponse<String> anonymous = send("GET", "/actuator/health", null, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode status = parse(anonymous);
        // the probes' group names are all an anonymous caller learns besides the status
        assertThat(status.fieldNames()).toIterable().containsExactly("status", "groups");
        assertThat(status.get("groups")).extracting(JsonNode::asText).containsExactly("liveness", "readiness");
        assertThat(anonymous.body()).doesNotContain(kafka.clientConfig().get("bootstrap.servers").toString(), "/tmp",
                "clusterId", "version");

        JsonNode viewer = parse(send("GET", "/actuator/health", null, null, basic("vera", "vera" + PASSWORD_SUFFIX)));
        assertThat(viewer.get("status").asText()).isEqualTo("UP");
        assertThat(viewer.get("components").has("kafka")).isTrue();
        assertThat(viewer.get("components").has("db")).isTrue();
    }

    @Test
    void failedLoginsAreCountedAndThrottledPerAddress() throws Exception {
        InetAddress guesser = InetAddress.getByName("127.0.0.2");
        double failuresBefore = metric("orderflow_security_login_failures_total");
        int maxFailures = 25;
        for (int i = 0; i < maxFailures; i++) {
            RawHttp.Answer refused = RawHttp.get(guesser, port, "/api/operators/me".getBytes(StandardCharsets.UTF_8),
                    "Authorization: Bearer guess-" + i + "-abcdefghijklmnop");
            assertThat(refused.status()).as("guess " + i).isEqualTo(401);
        }
        RawHttp.Answer blocked = RawHttp.get(guesser, port, "/api/operators/me".getBytes(StandardCharsets.UTF_8),
                "Authorization: Bearer " + TOKEN);
        assertThat(blocked.status()).as("even the right token, once blocked").isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(json.readTree(blocked.body()).get("error").asText()).isEqualTo("too_many_requests");

        assertThat(RawHttp.get(guesser, port, "/api/orders/summary".getBytes(StandardCharsets.UTF_8)).status())
                .as("requests without credentials are not held back").isEqualTo(200);
        assertThat(send("GET", "/api/operators/me", null, null, "Bearer " + TOKEN).statusCode())
                .as("other addresses are not held back").isEqualTo(200);
        assertThat(metric("orderflow_security_login_failures_total") - failuresBefore)
                .isGreaterThanOrEqualTo(maxFailures);
        assertThat(metric("orderflow_security_login_throttled_total")).isGreaterThanOrEqualTo(1);
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long auditRows() {
        return jdbc.sql("select count(*) from dead_letter_audit").query(Long.class).single();
    }

    private double metric(String name) {
        return send("GET", "/actuator/prometheus", null, null, null).body().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> impliedBy(String role) {
        return ROLES.subList(0, ROLES.indexOf(role) + 1);
    }
}
