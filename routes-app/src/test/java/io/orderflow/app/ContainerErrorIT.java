package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Errors that Tomcat or Spring MVC produce before any route runs have the API's JSON shape too, whatever the
 * client's {@code Accept} says.
 */
class ContainerErrorIT extends AppTestSupport {

    @Autowired
    private ApplicationContext context;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/orders/..%2fsummary", "/api/orders/a%2fb", "/api/orders/a%00b", "/api/orders/a%5cb",
            "/api/orders/%ff", "/api/orders/%c3%28"})
    void badPathEncodingIsJson(String target) {
        assertJson(RawHttp.get(port, target), 400);
    }

    @Test
    void rawBytesInThePathAreJson() {
        byte[] notUtf8 = {'/', 'a', 'p', 'i', '/', 'o', 'r', 'd', 'e', 'r', 's', '/', 'a', (byte) 0xff, 'b'};
        assertJson(RawHttp.get(port, notUtf8), 400);
        assertJson(RawHttp.get(port, "/api/orders/caf\u00e9".getBytes(StandardCharsets.UTF_8)), 400);
        RawHttp.Answer encoded = RawHttp.get(port, "/api/orders/caf%C3%A9");
        assertJson(encoded, 400);
        assertThat(encoded.body()).contains("orderId must be 1-128 characters");
    }

    @Test
    void anOverlongUrlIs414() {
        RawHttp.Answer answer = RawHttp.get(port, "/api/orders/" + "a".repeat(20_000));
        assertJson(answer, 414);
        assertThat(answer.body()).contains("the limit is 8192");
    }

    @Test
    void overlongHeadersAre431AndPastTomcatsLimitStillJson() {
        assertJson(RawHttp.get(port, "/api/orders/summary", "X-Big: " + "a".repeat(20_000)), 431);
        assertJson(RawHttp.get(port, "/api/orders/summary", "X-Huge: " + "a".repeat(70_000)), 400);
    }

    @Test
    void wrongMethodIs405() {
        HttpResponse<String> response = send("DELETE", "/api/orders", null, null, null);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(parse(response).get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(send("PATCH", "/actuator/health", null, null, null).statusCode()).isEqualTo(405);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"/api/orders/summary,text/html", "/api/orders/summary,text/plain", "/actuator/health,text/html",
            "/actuator/health,image/png"})
    void unacceptableResponseTypeIs406(String path, String accept) {
        RawHttp.Answer answer = RawHttp.get(port, path, "Accept: " + accept);
        assertJson(answer, 406);
        assertThat(answer.body()).contains("application/json");
    }

    @Test
    void whileNotReadyTheApisAre503AndActuatorStillAnswers() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            HttpResponse<String> refused = post("/api/orders",
                    "{\"customerId\":\"c-not-ready\",\"items\":[{\"productId\":\"p-1\",\"quantity\":1,\"price\":1}]}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(parse(refused).get("error").asText()).isEqualTo("service_unavailable");
            assertThat(send("GET", "/actuator/info", null, null, null).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/actuator/health/readiness", null, null, null).statusCode()).isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(send("GET", "/actuator/health/readiness", null, null, null).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from orders where customer_id = 'c-not-ready'").query(Long.class)
                .single()).isZero();
        assertThat(post("/api/orders", "{\"customerId\":\"c-ready\",\"items\":[{\"productId\":\"p-1\","
                + "\"quantity\":1,\"price\":1}]}").statusCode()).isEqualTo(201);
    }

    @Test
    void unknownPathIsJson404EvenForABrowser() {
        assertJson(RawHttp.get(port, "/nothing/here", "Accept: text/html,application/xhtml+xml"), 404);
    }

    private JsonNode assertJson(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        return body;
    }
}
