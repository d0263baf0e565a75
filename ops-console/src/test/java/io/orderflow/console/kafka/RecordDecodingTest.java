package io.orderflow.console.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.orderflow.contract.EventHeaders;

/** How records and their headers read in the console: envelope fields, binary DLT headers, non-JSON values. */
class RecordDecodingTest {

    @Test
    void envelopeFieldsComeFromTheTopLevelOnly() {
        byte[] json = ("{\"eventId\":\"e\",\"payload\":{\"orderId\":\"nested\",\"type\":\"x\"},"
                + "\"type\":\"OrderCreated\",\"orderId\":\"o-1\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(EnvelopeFields.read(json)).isEqualTo(new EnvelopeFields("OrderCreated", "o-1"));
    }

    @Test
    void valuesThatAreNotJsonObjectsHaveNoFields() {
        assertThat(EnvelopeFields.read("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(EnvelopeFields.NONE);
        assertThat(EnvelopeFields.read("{\"type\":\"Order".getBytes(StandardCharsets.UTF_8)).orderId()).isNull();
        assertThat(EnvelopeFields.read(null)).isEqualTo(EnvelopeFields.NONE);
    }

    @Test
    void deadLetterHeadersWithNumbersAreDecodedByName() {
        assertThat(HeaderText.decode("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(2).array()).value())
                .isEqualTo("2");
        assertThat(HeaderText.decode("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(42).array()).value())
                .isEqualTo("42");
        assertThat(HeaderText.decode("orderflow_dlt-failed-at", ByteBuffer.allocate(8).putLong(0).array()).value())
                .isEqualTo("1970-01-01T00:00:00Z (0)");
        assertThat(HeaderText.decode("eventType", "OrderCreated".getBytes(StandardCharsets.UTF_8)).value())
                .isEqualTo("OrderCreated");
        assertThat(HeaderText.decode("blob", new byte[] {(byte) 0xff, 0x01}).value()).isEqualTo("0xff01");
    }

    @Test
    void aRecordTakesItsTypeFromTheHeaderAndItsOrderIdFromTheEnvelopeOrElseTheKey() {
        ConsumerRecord<byte[], byte[]> poison = new ConsumerRecord<>("order-events.DLT", 1, 7, bytes("k1"),
                bytes("not json"));
        EventRecord record = EventRecord.of(poison);
        assertThat(record.type()).isNull();
        assertThat(record.orderId()).isEqualTo("k1");
        assertThat(record.isDeadLetter()).isTrue();

        ConsumerRecord<byte[], byte[]> checkout = new ConsumerRecord<>("cart-events", 0, 3, bytes("cart-1"),
                bytes("{\"type\":\"CartCheckedOut\",\"orderId\":\"o-9\"}"));
        checkout.headers().add(EventHeaders.EVENT_TYPE, bytes("CartCheckedOut"));
        assertThat(EventRecord.of(checkout).orderId()).isEqualTo("o-9");
        assertThat(EventRecord.of(checkout).type()).isEqualTo("CartCheckedOut");
    }

    @Test
    void largeValuesAreCutButKeepTheirSize() {
        byte[] large = new byte[EventRecord.MAX_VALUE_BYTES + 10];
        EventRecord record = EventRecord.of(new ConsumerRecord<>("t", 0, 0, null, large));
        assertThat(record.value()).hasSize(EventRecord.MAX_VALUE_BYTES);
        assertThat(record.size()).isEqualTo(large.length);
        assertThat(record.truncated()).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
