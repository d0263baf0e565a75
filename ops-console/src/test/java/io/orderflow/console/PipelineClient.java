package io.orderflow.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.orderflow.testsupport.AppProcess;

/**
 * The test's own, independent way into the system: the app's REST API for traffic and truth, and plain Kafka
 * clients for poison records and for the numbers the console must match. Shares no code with the console.
 */
final class PipelineClient implements AutoCloseable {

    private final AppProcess app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Admin admin;

    PipelineClient(AppProcess app) {
        this.app = app;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers()));
    }

    String createOrder(String customerId, String price) throws IOException, InterruptedException {
        JsonNode created = post("/api/orders", "{\"customerId\":\"" + customerId + "\",\"items\":[{\"productId\":\"p1\","
                + "\"quantity\":1,\"price\":" + price + "}]}");
        return created.path("orderId").asText();
    }

    /** Adds an item to a new cart and checks it out; returns the orderId the checkout created. */
    String checkoutCart(String cartId, String customerId) throws IOException, InterruptedException {
        post("/api/carts/" + cartId + "/items", "{\"productId\":\"p7\",\"quantity\":2,\"price\":12.50}");
        JsonNode order = post("/api/carts/" + cartId + "/checkout", "{\"customerId\":\"" + customerId + "\"}");
        return order.path("orderId").asText();
    }

    JsonNode get(String path, boolean authenticated) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)));
        if (authenticated) {
            request.header("Authorization", "Bearer " + AppUnderTest.TOKEN);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** A record no stage can parse: it must land in {@code <topic>.DLT}. */
    void producePoison(String topic, String key) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "not json")).get();
        }
    }

    /** Lag per partition as Kafka's own tools compute it: committed offsets, then end offsets, subtracted. */
    Map<TopicPartition, Long> lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> lag = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, end) ->
                lag.put(tp, Math.max(0, end.offset() - committed.get(tp).offset())));
        return lag;
    }

    /** Records a topic holds now: end minus start offsets over its partitions. */
    long recordsIn(String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
        }
        long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        long start = admin.listOffsets(earliest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        return end - start;
    }

    /** Commits offsets for a group of our own that never consumes: a group with a known, stable lag. */
    void commit(String group, Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        offsets.forEach((tp, offset) -> commits.put(tp, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, commits).all().get();
    }

    /** Every record of the given topics, read from the beginning to the current end. */
    List<ConsumerRecord<byte[], byte[]>> readAll(List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
