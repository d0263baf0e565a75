package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Every kind of bad input gets its 4xx with a JSON error, and nothing reaches any topic or table. */
class BadInputTest extends AppTestSupport {

    private Map<String, Long> offsetsBefore;
    private long ordersBefore;

    @BeforeEach
    void pipelineAtRest() throws Exception {
        awaitPipelineIdle();
        offsetsBefore = endOffsets();
        ordersBefore = jdbc.sql("select count(*) from orders").query(Long.class).single();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"customerId\":|400|malformed_json",
            "missing customerId|{\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|400|validation_failed",
            "blank customerId|{\"customerId\":\" \",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|400|validation_failed",
            "empty items|{\"customerId\":\"c\",\"items\":[]}|400|validation_failed",
            "no items|{\"customerId\":\"c\"}|400|validation_failed",
            "zero quantity|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":0,\"price\":1}]}|400|validation_failed",
            "negative quantity|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":-2,\"price\":1}]}|400|validation_failed",
            "fractional quantity|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1.5,\"price\":1}]}|400|malformed_json",
            "negative price|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":-0.01}]}|400|validation_failed",
            "sub-cent price|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":0.001}]}|400|validation_failed",
            "total over DECIMAL(19,2)|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":10000,\"price\":999999999999999.99}]}|400|validation_failed",
            "unknown field|{\"customerId\":\"c\",\"cust\":1,\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|400|malformed_json",
            "JSON null|null|400|missing_body"})
    void rejectsBadOrders(String name, String body, int status, String error) throws Exception {
        assertRejected(post("/api/orders", body), status, error);
    }

    @Test
    void rejectsTooManyItems() throws Exception {
        String item = "{\"productId\":\"p\",\"quantity\":1,\"price\":1}";
        String body = "{\"customerId\":\"c\",\"items\":[" + String.join(",", Collections.nCopies(101, item))
                + "]}";
        assertRejected(post("/api/orders", body), 400, "validation_failed");
    }

    @Test
    void rejectsWrongContentType() throws Exception {
        assertRejected(send("POST", "/api/orders", "text/plain", "{\"customerId\":\"c\"}", null), 415,
                "unsupported_media_type");
    }

    @Test
    void rejectsBodiesOverOneMebibyte() throws Exception {
        String body = "{\"customerId\":\"" + "x".repeat(1024 * 1024) + "\",\"items\":[]}";
        assertRejected(post("/api/orders", body), 413, "payload_too_large");
    }

    @Test
    void rejectsCheckoutOfUnknownCart() throws Exception {
        assertRejected(post("/api/carts/" + UUID.randomUUID() + "/checkout", "{\"customerId\":\"c\"}"), 404,
                "not_found");
    }

    @Test
    void rejectsBadCartItemsAndIds() throws Exception {
        assertRejected(post("/api/carts/c-1/items", "{\"productId\":\"p\",\"quantity\":0,\"price\":1}"), 400,
                "validation_failed");
        assertRejected(post("/api/carts/bad%20id/items", "{\"productId\":\"p\",\"quantity\":1,\"price\":1}"), 400,
                "bad_request");
        assertRejected(post("/api/carts/c-2/checkout", "{}"), 400, "validation_failed");
    }

    @Test
    void unknownOrderIs404() throws Exception {
        assertRejected(send("GET", "/api/orders/" + UUID.randomUUID(), null, null, null), 404, "not_found");
        assertRejected(send("GET", "/api/orders?status=LOST", null, null, null), 400, "bad_request");
    }

    private void assertRejected(HttpResponse<String> response, int status, String error)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = parse(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(endOffsets()).isEqualTo(offsetsBefore);
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isEqualTo(ordersBefore);
    }
}
