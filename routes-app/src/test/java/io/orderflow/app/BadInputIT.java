package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Every kind of bad input gets its 4xx with a JSON error, and nothing reaches any topic or table. */
class BadInputIT extends AppTestSupport {

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

    /** A proxy that reads the first of two keys, or "2" as a string, must see the order we would store: none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "quantity as a string|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":\"2\",\"price\":1}]}|items[0].quantity: must be a whole number, not a string",
            "price as a string|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":\"1.50\"}]}|items[0].price: must be a number, not a string",
            "customerId as a number|{\"customerId\":42,\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|customerId: must be a string, not a whole number",
            "productId as true|{\"customerId\":\"c\",\"items\":[{\"productId\":true,\"quantity\":1,\"price\":1}]}|items[0].productId: must be a string, not true or false",
            "float for an integer|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1.0,\"price\":1}]}|items[0].quantity: must be a whole number",
            "an object for the items|{\"customerId\":\"c\",\"items\":{\"productId\":\"p\"}}|items: must be an array, not an object",
            "duplicate quantity|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"quantity\":9999,\"price\":1}]}|Duplicate field 'quantity'",
            "duplicate customerId|{\"customerId\":\"a\",\"customerId\":\"b\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|Duplicate field 'customerId'",
            "a second document|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]} {}|the body ",
            "unknown item field|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1,\"discount\":5}]}|unknown field 'items[0].discount'"})
    void refusesCoercionAndDuplicateKeysNamingTheField(String name, String body, String detail) throws Exception {
        HttpResponse<String> response = post("/api/orders", body);
        assertRejected(response, 400, "malformed_json");
        assertThat(parse(response).get("detail").asText()).contains(detail);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NUL in customerId|{\"customerId\":\"a\\u0000b\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|customerId",
            "newline in customerId|{\"customerId\":\"a\\nINFO forged line\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|customerId",
            "line separator in productId|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\\u2028q\",\"quantity\":1,\"price\":1}]}|items[0].productId",
            "escape character in productId|{\"customerId\":\"c\",\"items\":[{\"productId\":\"\\u001b[31mred\",\"quantity\":1,\"price\":1}]}|items[0].productId"})
    void refusesControlCharactersInIds(String name, String body, String field) throws Exception {
        HttpResponse<String> response = post("/api/orders", body);
        assertRejected(response, 400, "validation_failed");
        assertThat(parse(response).get("detail").asText())
                .isEqualTo(field + ": must not contain control characters or line breaks");
    }

    @Test
    void refusesCoercionOnEveryEndpoint() throws Exception {
        assertRejected(post("/api/carts/c-3/items", "{\"productId\":\"p\",\"quantity\":\"2\",\"price\":1}"),
                400, "malformed_json");
        assertRejected(post("/api/carts/c-3/checkout", "{\"customerId\":42}"), 400, "malformed_json");
        assertRejected(post("/api/carts/c-3/checkout", "{\"customerId\":\"a\\rb\"}"), 400, "validation_failed");
        assertRejected(operatorPost("/api/dead-letters/replay", "{\"ids\":[\"x\"],\"dryRun\":\"true\"}"), 400,
                "malformed_json");
        assertRejected(operatorPost("/api/dead-letters/discard", "{\"ids\":\"x\",\"reason\":\"r\"}"), 400,
                "malformed_json");
        HttpResponse<String> rate = send("PUT", "/api/faults/payment", "application/json",
                "{\"transientFailureRate\":2}", "Bearer " + TOKEN);
        assertRejected(rate, 400, "malformed_json");
        assertThat(parse(rate).get("detail").asText()).isEqualTo("transientFailureRate must be between 0 and 1");
        assertRejected(send("PUT", "/api/faults/payment", "application/json", "{\"latencyMs\":\"5\"}",
                "Bearer " + TOKEN), 400, "malformed_json");
        assertThat(faults.active()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/orders", "/api/carts/c-4/items", "/api/carts/c-4/checkout", "/api/dead-letters/replay",
            "/api/dead-letters/discard"})
    void refusesBodiesThatAreNotUtf8(String path) throws Exception {
        byte[] body = "{\"customerId\":\"caf\u00e9\",\"productId\":\"p\",\"quantity\":1,\"price\":1,\"ids\":[\"x\"]}"
                .getBytes(StandardCharsets.ISO_8859_1); // the é as the single byte 0xE9: not UTF-8
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertRejected(response, 400, "malformed_json");
        assertThat(parse(response).get("detail").asText()).isEqualTo("the body is not valid UTF-8");
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
        assertThat(body.get("detail").asText()).isNotBlank()
                .as("no Java class names in what a client sees").doesNotContain("io.orderflow", "java.", "$");
        assertThat(endOffsets()).isEqualTo(offsetsBefore);
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isEqualTo(ordersBefore);
    }
}
