package io.orderflow.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.contract.DltHeaders;
import io.orderflow.contract.Topic;
import io.orderflow.app.AppTestSupport;

/** A record whose key and header values are not UTF-8 keeps its bytes through the DLT, the index and a replay. */
class DeadLetterBytesIT extends AppTestSupport {

    private static final byte[] KEY = {(byte) 0xff, (byte) 0xfe, 'k', 0, (byte) 0x80};
    private static final byte[] BINARY = {0, 1, (byte) 0xc3, (byte) 0x28, (byte) 0xff};

    @Test
    void keyAndHeaderBytesSurviveTheIndexAndAReplay() throws Exception {
        String marker = "bytes-" + UUID.randomUUID();
        RecordMetadata original;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.clientConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topic.ORDER.topicName(), 1, KEY,
                    ("not an event " + marker).getBytes(StandardCharsets.UTF_8));
            record.headers().add(new RecordHeader("trace-bin", BINARY));
            record.headers().add(new RecordHeader("tenant", "acme".getBytes(StandardCharsets.UTF_8)));
            original = producer.send(record).get(10, TimeUnit.SECONDS);
        }

        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() ->
                letter(marker) != null);
        ConsumerRecord<byte[], byte[]> dead = readAt(Topic.ORDER.deadLetterTopic(), original.partition(),
                letterOffset(marker));
        assertThat(dead.key()).as("DLT key bytes").isEqualTo(KEY);
        assertThat(dead.headers().lastHeader("trace-bin").value()).isEqualTo(BINARY);

        JsonNode indexed = letter(marker);
        assertThat(indexed.get("key").asText()).isEqualTo("base64:" + Base64.getEncoder().encodeToString(KEY));
        assertThat(indexed.get("headers").get("trace-bin").asText())
                .isEqualTo("base64:" + Base64.getEncoder().encodeToString(BINARY));
        assertThat(indexed.get("headers").get("tenant").asText()).isEqualTo("acme");

        var started = operatorPost("/api/dead-letters/replay", "{\"ids\":[\"" + indexed.get("id").asText() + "\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = started.headers().firstValue("Location").orElseThrow();
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() ->
                "DONE".equals(operatorGet(job).path("state").asText()));
        byte[] value = ("not an event " + marker).getBytes(StandardCharsets.UTF_8);
        // the same key bytes, so the same partition
        ConsumerRecord<byte[], byte[]> replayed = partition(Topic.ORDER.topicName(), original.partition()).stream()
                .filter(r -> Arrays.equals(r.value(), value) && r.headers().lastHeader(DltHeaders.REPLAY_COUNT) != null)
                .findFirst().orElseThrow();
        assertThat(replayed.key()).isEqualTo(KEY);
        assertThat(replayed.headers().lastHeader("trace-bin").value()).isEqualTo(BINARY);
        assertThat(replayed.headers().lastHeader("tenant").value()).isEqualTo("acme".getBytes(StandardCharsets.UTF_8));
        assertThat(replayed.headers().lastHeader(DltHeaders.EXCEPTION_FQCN)).isNull();
        awaitStatus(placeOrder("after-binary-key", "1.25"), "DELIVERED");
    }

    private long letterOffset(String marker) {
        return topics().read(Topic.ORDER.deadLetterTopic(),
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker)).get(0).offset();
    }

    private JsonNode letter(String marker) {
        for (JsonNode item : operatorGet("/api/dead-letters?topic=order-events&state=PENDING&size=200").get("items")) {
            if (item.get("payload").asText().contains(marker)) {
                return item;
            }
        }
        return null;
    }

    /** Every record of one partition, from its start to its current end, with the key's bytes. */
    private List<ConsumerRecord<byte[], byte[]>> partition(String topic, int partition) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.clientConfig(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private ConsumerRecord<byte[], byte[]> readAt(String topic, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.clientConfig(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no record at " + topic + "/" + partition + "/" + offset);
        }
    }
}
