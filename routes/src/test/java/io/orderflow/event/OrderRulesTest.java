package io.orderflow.event;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.orderflow.event.Payloads.OrderLine;

class OrderRulesTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|1.00|items[0].quantity must be at least 1",
            "-3|1.00|items[0].quantity must be at least 1",
            "10001|1.00|items[0].quantity must be at most 10000",
            "1|-0.01|items[0].price must be at least 0",
            "1|1.005|items[0].price must have at most 2 decimals",
            "1|1234567890123456.00|items[0].price must have at most 15 digits"})
    void aBrokenLineIsNamedWithItsRule(int quantity, String price, String cause) {
        assertThatThrownBy(() -> OrderRules.checkLines("items", List.of(new OrderLine("p", quantity,
                new BigDecimal(price)))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith(cause);
    }

    @Test
    void lineCountAndTotalHaveLimits() {
        assertThatThrownBy(() -> OrderRules.checkLines("items", List.of()))
                .hasMessage("items must have at least 1 line");
        assertThatThrownBy(() -> OrderRules.checkLines("items",
                Collections.nCopies(101, new OrderLine("p", 1, BigDecimal.ONE))))
                .hasMessageStartingWith("items must have at most 100 lines");
        assertThatThrownBy(() -> OrderRules.checkLines("items",
                Collections.nCopies(100, new OrderLine("p", 10_000, new BigDecimal("999999999999999.99")))))
                .hasMessageStartingWith("items total must be at most");
        assertThatCode(() -> OrderRules.checkLines("items", List.of(new OrderLine("p", 1, new BigDecimal("1.50")),
                new OrderLine("q", 10_000, new BigDecimal("0"))))).doesNotThrowAnyException();
    }

    @Test
    void idsMustBePrintable() {
        assertThatThrownBy(() -> OrderRules.checkId("customerId", " ")).hasMessage("customerId must not be blank");
        assertThatThrownBy(() -> OrderRules.checkId("customerId", "a\nINFO forged"))
                .hasMessage("customerId must not contain control characters or line breaks");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a missing quantity is not 0 read silently, a fractional one is not truncated
            "'{\"cartId\":\"c\",\"customerId\":\"x\",\"orderId\":\"o\",\"items\":[{\"productId\":\"p\",\"price\":1}]}'|quantity",
            "'{\"cartId\":\"c\",\"customerId\":\"x\",\"orderId\":\"o\",\"items\":[{\"productId\":\"p\",\"quantity\":1.5,\"price\":1}]}'|quantity",
            "'{\"cartId\":\"c\",\"customerId\":\"x\",\"orderId\":\"o\",\"items\":[{\"productId\":\"p\",\"quantity\":0,\"price\":1}]}'|payload.items[0].quantity must be at least 1",
            "'{\"cartId\":\"c\",\"customerId\":\"x\",\"orderId\":\"o\",\"items\":[]}'|payload.items must have at least 1 line",
            "'{\"cartId\":\"c\",\"customerId\":\"x\",\"orderId\":\"other\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}]}'|payload.orderId other is not the envelope's orderId o"})
    void everyIncomingCheckoutIsCheckedWithTheSameRules(String payload, String cause) {
        assertThatThrownBy(() -> codec.decode(event("CartCheckedOut", payload)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(cause);
    }

    @Test
    void anOrderTotalMustBeTheSumOfItsLines() {
        String payload = "{\"orderId\":\"o\",\"customerId\":\"x\",\"items\":[{\"productId\":\"p\",\"quantity\":2,"
                + "\"price\":1.50}],\"total\":%s}";
        assertThatThrownBy(() -> codec.decode(event("OrderCreated", payload.formatted("1.00"))))
                .hasMessage("payload.total must equal the sum of the lines 3.00, was 1.00");
        assertThatCode(() -> codec.decode(event("OrderCreated", payload.formatted("3.0"))))
                .doesNotThrowAnyException();
    }

    private static byte[] event(String type, String payload) {
        return ("{\"eventId\":\"6f1c2a9e-1b2c-4d5e-8f90-123456789abc\",\"type\":\"" + type + "\",\"orderId\":\"o\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":" + payload + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
