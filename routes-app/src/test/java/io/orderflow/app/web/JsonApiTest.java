package io.orderflow.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.app.order.NewOrderRequest;
import io.orderflow.event.EventCodec;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * The REST layer's reading and writing of JSON (the same JsonApi the routes use, with the real Jackson and Bean
 * Validation), without the app: strict types, no duplicate keys, one document, the right status and error code.
 */
class JsonApiTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final CamelContext CAMEL = new DefaultCamelContext();

    private final JsonApi api = new JsonApi(new EventCodec(), VALIDATION.getValidator());

    @AfterAll
    static void close() throws Exception {
        VALIDATION.close();
        CAMEL.close();
    }

    @Test
    void aValidOrderIsRead() {
        NewOrderRequest order = api.read(request("application/json; charset=utf-8",
                "{\"customerId\":\"customer123\",\"items\":[{\"productId\":\"product123\",\"quantity\":1,\"price\":100.00}]}"),
                NewOrderRequest.class);
        assertThat(order.customerId()).isEqualTo("customer123");
        assertThat(order.items()).singleElement().satisfies(item -> {
            assertThat(item.quantity()).isEqualTo(1);
            assertThat(item.price()).isEqualByComparingTo("100.00");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "quantity as a string|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":\"2\",\"price\":1}]}|items[0].quantity: must be a whole number, not a string",
            "price as a string|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":\"1.50\"}]}|items[0].price: must be a number, not a string",
            "customerId as a number|{\"customerId\":42,\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|customerId: must be a string, not a whole number",
            "float for an integer|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1.0,\"price\":1}]}|items[0].quantity: must be a whole number",
            "duplicate customerId|{\"customerId\":\"a\",\"customerId\":\"b\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|Duplicate field 'customerId'",
            "a second document|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]} {}|the body ",
            "unknown item field|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1,\"discount\":5}]}|unknown field 'items[0].discount'"})
    void refusesWhatAProxyCouldReadDifferently(String name, String body, String detail) {
        assertThatThrownBy(() -> api.read(request("application/json", body), NewOrderRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("malformed_json");
                    assertThat(e.getMessage()).contains(detail);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zero quantity|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":0,\"price\":1}]}|items[0].quantity must be at least 1, was 0",
            "sub-cent price|{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":0.001}]}|items[0].price",
            "newline in customerId|{\"customerId\":\"a\\nINFO forged\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}|customerId: must not contain control characters or line breaks",
            "no items|{\"customerId\":\"c\"}|items: "})
    void breaksOfTheRulesAreValidationFailuresNamingTheField(String name, String body, String detail) {
        assertThatThrownBy(() -> api.read(request("application/json", body), NewOrderRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("validation_failed");
                    assertThat(e.getMessage()).contains(detail);
                });
    }

    @Test
    void onlyJsonIsAccepted() {
        assertThatThrownBy(() -> api.read(request("text/plain", "{}"), NewOrderRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.error()).isEqualTo("unsupported_media_type");
                });
        assertThatThrownBy(() -> api.read(request("application/json", ""), NewOrderRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("missing_body"));
        assertThatThrownBy(() -> api.read(request("application/json", "null"), NewOrderRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("missing_body"));
    }

    @Test
    void anErrorReplacesTheRequestHeadersAndKeepsOnlyTheCorrelationId() throws Exception {
        Exchange exchange = request("application/json", "{}");
        exchange.getMessage().setHeader("Authorization", "Bearer secret");
        exchange.getMessage().setHeader(JsonApi.CORRELATION_HEADER, "corr-7");

        api.respondError(exchange, 409, "conflict", "cart c is checked out");

        assertThat(exchange.getMessage().getHeaders()).containsOnlyKeys(Exchange.HTTP_RESPONSE_CODE,
                Exchange.CONTENT_TYPE, JsonApi.CORRELATION_HEADER);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(409);
        JsonNode body = new ObjectMapper().readTree(exchange.getMessage().getBody(byte[].class));
        assertThat(body.get("error").asText()).isEqualTo("conflict");
        assertThat(body.get("detail").asText()).isEqualTo("cart c is checked out");
    }

    private static Exchange request(String contentType, String body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }
}
