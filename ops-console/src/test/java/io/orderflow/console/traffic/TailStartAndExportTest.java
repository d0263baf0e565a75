package io.orderflow.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.HeaderText;

class TailStartAndExportTest {

    @Test
    void startsAreReadFromWhatOperatorsType() {
        assertThat(TailStart.parse(TailStart.Kind.OFFSET, " 120 ", ZoneOffset.UTC).offset()).isEqualTo(120);
        TailStart perPartition = TailStart.parse(TailStart.Kind.OFFSET, "0=120, 2=45", ZoneOffset.UTC);
        assertThat(perPartition.partitions()).isEqualTo(Map.of(0, 120L, 2, 45L));
        assertThat(perPartition.reads(1)).isFalse();
        assertThat(perPartition.reads(2)).isTrue();
        assertThat(TailStart.parse(TailStart.Kind.TIMESTAMP, "2026-11-24 10:15", ZoneOffset.UTC).at())
                .isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
        assertThat(TailStart.parse(TailStart.Kind.TIMESTAMP, "2026-11-24T10:15:00Z", ZoneOffset.ofHours(5)).at())
                .isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
        assertThatThrownBy(() -> TailStart.parse(TailStart.Kind.OFFSET, "-1", ZoneOffset.UTC))
                .hasMessageContaining("an offset of 0 or more");
        assertThatThrownBy(() -> TailStart.parse(TailStart.Kind.TIMESTAMP, "yesterday", ZoneOffset.UTC))
                .hasMessageContaining("a time such as");
    }

    @Test
    void anExportedRecordKeepsTextAsTextAndEveryOtherByteAsBase64() {
        byte[] binary = {(byte) 0xFF, 0, 1};
        EventRecord record = new EventRecord("payment-events.DLT", 2, 7, 1_000, "0xff0001", binary,
                List.of(HeaderText.decode("eventType", "PaymentFailed".getBytes(StandardCharsets.UTF_8)),
                        HeaderText.decode("kafka_dlt-original-partition", new byte[] {0, 0, 0, 2})),
                "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8), 17, "PaymentFailed", "o-1");
        ObjectNode line = TailExport.line(record);
        assertThat(line.path("topic").asText()).isEqualTo("payment-events.DLT");
        assertThat(line.path("offset").asLong()).isEqualTo(7);
        assertThat(line.has("key")).isFalse();
        assertThat(line.path("keyBase64").asText()).isEqualTo("/wAB");
        assertThat(line.path("headers").get(0).path("value").asText()).isEqualTo("PaymentFailed");
        // a 4-byte int that happens to be valid UTF-8 is written as text: JSON's escapes keep every byte
        assertThat(line.path("headers").get(1).path("name").asText()).isEqualTo("kafka_dlt-original-partition");
        assertThat(line.path("headers").get(1).path("value").asText()).isEqualTo("\u0000\u0000\u0000\u0002");
        assertThat(line.path("value").asText()).isEqualTo("{\"orderId\":\"o-1\"}");
        assertThat(line.has("truncated")).isFalse();
    }
}
