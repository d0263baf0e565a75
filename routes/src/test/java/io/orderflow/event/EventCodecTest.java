package io.orderflow.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.orderflow.contract.EventType;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.OrderLine;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void roundTripsAnEnvelope() {
        EventEnvelope event = codec.newEvent(EventType.OrderCreated, "o-1", "c-1", new OrderCreated("o-1", "cust",
                List.of(new OrderLine("p", 2, new BigDecimal("1.50"))), new BigDecimal("3.00")));
        EventEnvelope decoded = codec.decode(codec.encode(event).getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.kafkaKey()).isEqualTo("o-1");
        assertThat(decoded.payload(OrderCreated.class).total()).isEqualByComparingTo("3.00");
    }

    @Test
    void readsAnEventWhosePayloadComesBeforeItsType() {
        String json = """
                {"payload":{"orderId":"o-1","customerId":"cust","items":[{"productId":"p","quantity":2,"price":1.50}],
                 "total":3.00},"occurredAt":"2026-01-01T00:00:00Z","orderId":"o-1","unknown":{"x":[1]},
                 "type":"OrderCreated","eventId":"7b0c5f3e-8f7c-4d0c-9a8e-2b7c1d9e0f11"}""";
        EventEnvelope decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));
        OrderCreated created = decoded.payload(OrderCreated.class);
        // money keeps its scale
        assertThat(created.items().get(0).price()).isEqualTo(new BigDecimal("1.50"));
        assertThat(created.total()).isEqualTo(new BigDecimal("3.00"));
        assertThat(decoded.correlationId()).isNull();
    }

    @Test
    void derivedEventIdsAreStablePerCauseAndType() {
        EventEnvelope cause = codec.newEvent(EventType.OrderCreated, "o-1", "c", new OrderCreated("o-1", "cust",
                List.of(), BigDecimal.ONE));
        assertThat(cause.derivedEventId(EventType.PaymentProcessed))
                .isEqualTo(cause.derivedEventId(EventType.PaymentProcessed))
                .isNotEqualTo(cause.derivedEventId(EventType.PaymentFailed));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON|this is not json|not JSON",
            "array|[1,2]|not a JSON object",
            "broken array|[1,2|not JSON",
            "type not text|{\"eventId\":\"7b0c5f3e-8f7c-4d0c-9a8e-2b7c1d9e0f11\",\"type\":7,\"orderId\":\"o\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}|missing field 'type'",
            "payload not an object|{\"eventId\":\"7b0c5f3e-8f7c-4d0c-9a8e-2b7c1d9e0f11\",\"type\":\"OrderDelivered\",\"orderId\":\"o\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":[]}|missing field 'payload'",
            "bad payload, then broken JSON|{\"eventId\":\"7b0c5f3e-8f7c-4d0c-9a8e-2b7c1d9e0f11\",\"type\":\"PaymentProcessed\",\"orderId\":\"o\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"orderId\":\"o\"},|not JSON",
            "bad eventId after the payload|{\"type\":\"PaymentProcessed\",\"payload\":{\"orderId\":\"o\"},\"orderId\":\"o\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"eventId\":\"42\"}|not a UUID",
            "unknown type|{\"eventId\":\"7b0c5f3e-8f7c-4d0c-9a8e-2b7c1d9e0f11\",\"type\":\"OrderTeleported\",\"orderId\":\"o\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}|unknown event type",
            "missing payload field|{\"eventId\":\"7b0c5f3e-8f7c-4d0c-9a8e-2b7c1d9e0f11\",\"type\":\"PaymentProcessed\",\"orderId\":\"o\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"orderId\":\"o\",\"amount\":1}}|missing field 'paymentId'",
            "bad eventId|{\"eventId\":\"42\",\"type\":\"OrderDelivered\",\"orderId\":\"o\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}|not a UUID",
            "bad time|{\"eventId\":\"7b0c5f3e-8f7c-4d0c-9a8e-2b7c1d9e0f11\",\"type\":\"OrderDelivered\",\"orderId\":\"o\",\"occurredAt\":\"yesterday\",\"payload\":{}}|not ISO-8601",
            "no orderId|{\"eventId\":\"7b0c5f3e-8f7c-4d0c-9a8e-2b7c1d9e0f11\",\"type\":\"OrderDelivered\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}|missing field 'orderId'"})
    void rejectsWhatIsNotAnEventAsNonRetryable(String name, String record, String reason) {
        assertThatThrownBy(() -> codec.decode(record.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .isInstanceOf(NonRetryableException.class)
                .hasMessageContaining(reason);
    }
}
