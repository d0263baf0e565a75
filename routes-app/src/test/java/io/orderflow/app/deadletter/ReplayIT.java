package io.orderflow.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.contract.DltHeaders;
import io.orderflow.contract.Topic;
import io.orderflow.app.AppTestSupport;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.FaultSettings;

/**
 * Operators replay and discard dead letters through the API: guarded, audited, and effective. A replay is a job:
 * accepted at once, paced by the throttle, reported while it runs, cancellable, and exactly the dry run's selection.
 */
class ReplayIT extends AppTestSupport {

    @Test
    void aConfirmedDryRunReplaysAsAJobAndCompletesTheOrder() throws Exception {
        String customer = "replay-me-" + UUID.randomUUID();
        faults.set(PaymentRoutes.STAGE, new FaultSettings(0, customer, 0));
        String orderId = placeOrder(customer, "42.00");
        JsonNode letter = awaitPendingDeadLetter(orderId, 0);
        assertThat(letter.get("exceptionClass").asText()).endsWith("InjectedFault$Permanent");
        assertThat(letter.get("consumerGroup").asText()).isEqualTo("orderflow-payment");
        assertThat(letter.get("payload").asText()).contains(customer);
        String id = letter.get("id").asText();
        String byId = "{\"ids\":[\"" + id + "\"]}";
        int auditBefore = operatorGet("/api/dead-letters/audit?limit=1000").size();

        assertThat(post("/api/dead-letters/replay", byId).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/dead-letters/replay", "application/json", byId, "Bearer wrong").statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/dead-letters", null, null, null).statusCode())
                .as("reads carry customer data").isEqualTo(401);
        assertThat(send("GET", "/api/dead-letters/replay-jobs", null, null, null).statusCode()).isEqualTo(401);
        assertThat(operatorGet("/api/dead-letters/audit?limit=1000")).hasSize(auditBefore);

        awaitPipelineIdle();
        long orderEventsBefore = endOffsets().get(Topic.ORDER.topicName());
        JsonNode dryRun = parse(operatorPost("/api/dead-letters/replay",
                "{\"ids\":[\"" + id + "\"],\"dryRun\":true}"));
        assertThat(dryRun.get("results").get(0).get("outcome").asText()).isEqualTo("WOULD_REPLAY");
        String selection = dryRun.get("selectionId").asText();
        assertThat(endOffsets().get(Topic.ORDER.topicName())).as("dry run sends nothing")
                .isEqualTo(orderEventsBefore);
        assertThat(deadLetter(id).get("state").asText()).isEqualTo("PENDING");
        assertThat(operatorGet("/api/dead-letters/replay-jobs").findValuesAsText("id"))
                .as("a dry run is not a job yet").doesNotContain(selection);

        faults.clear();
        HttpResponse<String> accepted = operatorPost("/api/dead-letters/replay",
                "{\"selectionId\":\"" + selection + "\",\"ratePerSecond\":20}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/dead-letters/replay-jobs/" + selection);
        JsonNode job = awaitJob(location, j -> j.get("state").asText().equals("DONE"));
        assertThat(job.get("selected").asInt()).isEqualTo(1);
        assertThat(job.get("sent").asInt()).isEqualTo(1);
        assertThat(job.get("remaining").asInt()).isZero();
        assertThat(job.get("ratePerSecond").asInt()).isEqualTo(20);
        awaitStatus(orderId, "DELIVERED");
        assertThat(deadLetter(id).get("state").asText()).isEqualTo("REPLAYED");
        assertThat(operatorPost("/api/dead-letters/replay", "{\"selectionId\":\"" + selection + "\"}").statusCode())
                .as("a selection is replayed once").isEqualTo(409);
        assertThat(operatorPost("/api/dead-letters/replay", "{\"selectionId\":\"no-such-selection\"}").statusCode())
                .isEqualTo(404);

        var replayed = topics().read(Topic.ORDER.topicName(), r -> orderId.equals(r.key())
                && r.headers().lastHeader(DltHeaders.REPLAY_COUNT) != null);
        assertThat(replayed).singleElement().satisfies(r -> {
            assertThat(DltHeaders.readInt32(r.headers().lastHeader(DltHeaders.REPLAY_COUNT).value())).isEqualTo(1);
            assertThat(DltHeaders.readInt64(r.headers().lastHeader(DltHeaders.REPLAY_DLT_OFFSET).value()))
                    .isEqualTo(letter.get("dltOffset").asLong());
            assertThat(DltHeaders.readUtf8(r.headers().lastHeader(DltHeaders.REPLAY_BY).value())).isEqualTo("operator");
            assertThat(r.headers().lastHeader("kafka_dlt-exception-fqcn")).as("failure headers dropped").isNull();
        });
        JsonNode audit = operatorGet("/api/dead-letters/audit?limit=1000");
        assertThat(audit.findValuesAsText("action")).contains("DRY_RUN", "REPLAY_JOB", "REPLAY");
        JsonNode item = find(audit, a -> id.equals(a.path("deadLetterId").asText()) && a.get("action").asText()
                .equals("REPLAY"));
        assertThat(item.get("actor").asText()).isEqualTo("operator");
        assertThat(item.get("outcome").asText()).isEqualTo("REPLAYED");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("REPLAY_JOB");
        assertThat(audit.get(0).get("outcome").asText()).isEqualTo("DONE");
        assertThat(send("GET", "/actuator/prometheus", null, null, null).body())
                .contains("orderflow_dead_letters_replayed_total", "orderflow_dead_lettered_total");
    }

    @Test
    void loopGuardRefusesARecordPastItsReplayLimitAndDiscardResolvesIt() throws Exception {
        String customer = "always-fails-" + UUID.randomUUID();
        faults.set(PaymentRoutes.STAGE, new FaultSettings(0, customer, 0));
        String orderId = placeOrder(customer, "9.99");

        for (int replays = 0; replays < 3; replays++) {
            JsonNode letter = awaitPendingDeadLetter(orderId, replays);
            HttpResponse<String> started = operatorPost("/api/dead-letters/replay",
                    "{\"filter\":{\"orderId\":\"" + orderId + "\"}}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode job = awaitJob(started.headers().firstValue("Location").orElseThrow(),
                    j -> j.get("state").asText().equals("DONE"));
            assertThat(job.get("sent").asInt()).isEqualTo(1);
            assertThat(deadLetter(letter.get("id").asText()).get("state").asText()).isEqualTo("REPLAYED");
        }
        JsonNode last = awaitPendingDeadLetter(orderId, 3);
        String id = last.get("id").asText();
        HttpResponse<String> started = operatorPost("/api/dead-letters/replay", "{\"ids\":[\"" + id + "\"]}");
        JsonNode refused = awaitJob(started.headers().firstValue("Location").orElseThrow(),
                j -> j.get("state").asText().equals("DONE"));
        assertThat(refused.get("refused").asInt()).isEqualTo(1);
        assertThat(refused.get("sent").asInt()).isZero();
        assertThat(refused.get("problems").get(0).get("reason").asText()).contains("loop guard");
        assertThat(deadLetter(id).get("state").asText()).isEqualTo("PENDING");

        JsonNode discarded = parse(operatorPost("/api/dead-letters/discard",
                "{\"ids\":[\"" + id + "\"],\"reason\":\"customer blocked by fraud team\"}"));
        assertThat(discarded.get("accepted").asInt()).isEqualTo(1);
        JsonNode resolved = deadLetter(id);
        assertThat(resolved.get("state").asText()).isEqualTo("DISCARDED");
        assertThat(resolved.get("resolution").asText()).isEqualTo("customer blocked by fraud team");
        JsonNode audit = operatorGet("/api/dead-letters/audit?limit=5");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("DISCARD");
        assertThat(operatorPost("/api/dead-letters/discard", "{\"ids\":[\"" + id + "\"]}").statusCode())
                .as("a reason is required").isEqualTo(400);
    }

    @Test
    void aJobIsPacedByItsRateReportsProgressAndStopsWhenCancelled() throws Exception {
        String topic = Topic.DELIVERY.topicName();
        String prefix = "paced-" + UUID.randomUUID();
        List<String> ids = poisonDeadLetters(topic, prefix, 6);

        JsonNode byGroup = find(operatorGet("/api/dead-letters/summary").get("byConsumerGroup"),
                g -> g.get("consumerGroup").asText().equals("orderflow-order"));
        assertThat(byGroup.get("pending").asLong()).as("the order stage reads delivery-events").isGreaterThanOrEqualTo(6);
        assertThat(byGroup.get("lastFailedAt").asText()).isNotEmpty();

        String dryRun = "{\"filter\":{\"topic\":\"" + topic + "\",\"orderId\":null},\"dryRun\":true}";
        JsonNode plan = parse(operatorPost("/api/dead-letters/replay", dryRun));
        List<String> planned = plan.get("results").findValuesAsText("id");
        assertThat(planned).containsAll(ids);
        // a dead letter that appears after the dry run is not part of what the operator confirmed
        String late = poisonDeadLetters(topic, prefix + "-late", 1).get(0);

        long started = System.nanoTime();
        HttpResponse<String> accepted = operatorPost("/api/dead-letters/replay",
                "{\"selectionId\":\"" + plan.get("selectionId").asText() + "\",\"ratePerSecond\":2}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode halfway = awaitJob(location, j -> j.get("sent").asInt() >= 3);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(elapsedMillis).as("3 sends at 2/s take at least a second").isGreaterThanOrEqualTo(900);
        assertThat(halfway.get("state").asText()).isEqualTo("RUNNING");
        assertThat(halfway.get("selected").asInt()).isEqualTo(planned.size());

        JsonNode cancelling = parse(send("DELETE", location, null, null, "Bearer " + TOKEN));
        assertThat(cancelling.get("state").asText()).isIn("CANCELLING", "CANCELLED");
        JsonNode cancelled = awaitJob(location, j -> j.get("state").asText().equals("CANCELLED"));
        assertThat(cancelled.get("remaining").asInt()).isPositive();
        assertThat(cancelled.get("sent").asInt() + cancelled.get("refused").asInt() + cancelled.get("failed").asInt()
                + cancelled.get("remaining").asInt()).isEqualTo(planned.size());
        assertThat(deadLetter(late).get("state").asText()).as("not in the confirmed selection").isEqualTo("PENDING");
        assertThat(send("DELETE", location, null, null, "Bearer " + TOKEN).statusCode())
                .as("a finished job cannot be cancelled").isEqualTo(409);
        assertThat(operatorGet("/api/dead-letters/replay-jobs").findValuesAsText("id"))
                .contains(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aReplayResendsTheDeadLettersKeyValueAndHeadersByteForByte() throws Exception {
        String topic = Topic.DISPATCH.topicName();
        byte[] key = {(byte) 0xC3, (byte) 0xA9, 'k', '-', (byte) 0xE2, (byte) 0x82, (byte) 0xAC};
        byte[] value = {0, 1, 2, (byte) 0xFF, 'x'};
        byte[] binaryHeader = {0, (byte) 0xFF, 0x10};
        produce(topic, key, value, Map.of("trace-bin", binaryHeader));
        JsonNode letter = await().atMost(30, TimeUnit.SECONDS).until(() -> operatorGet(
                "/api/dead-letters?state=PENDING&topic=" + topic + "&size=200").get("items"), items -> {
                    for (JsonNode item : items) {
                        if (item.get("key").asText().equals("ék-€")) {
                            return true;
                        }
                    }
                    return false;
                });
        JsonNode item = find(letter, i -> i.get("key").asText().equals("ék-€"));
        ConsumerRecord<byte[], byte[]> dlt = rawRecord(Topic.DISPATCH.deadLetterTopic(),
                item.get("dltPartition").asInt(), item.get("dltOffset").asLong());

        HttpResponse<String> accepted = operatorPost("/api/dead-letters/replay",
                "{\"ids\":[\"" + item.get("id").asText() + "\"]}");
        awaitJob(accepted.headers().firstValue("Location").orElseThrow(), j -> j.get("state").asText().equals("DONE"));
        ConsumerRecord<byte[], byte[]> replayed = rawRecords(topic).stream()
                .filter(r -> r.headers().lastHeader(DltHeaders.REPLAY_DLT_OFFSET) != null
                        && DltHeaders.readInt64(r.headers().lastHeader(DltHeaders.REPLAY_DLT_OFFSET).value())
                        == dlt.offset() && Arrays.equals(r.key(), dlt.key()))
                .findFirst().orElseThrow();
        assertThat(replayed.value()).isEqualTo(dlt.value()).isEqualTo(value);
        assertThat(replayed.partition()).isEqualTo(dlt.partition());
        for (Header header : dlt.headers()) {
            if (!DltHeaders.isFailureHeader(header.key()) && !header.key().startsWith("orderflow_replay-")) {
                assertThat(replayed.headers().lastHeader(header.key()).value()).as(header.key())
                        .isEqualTo(header.value());
            }
        }
        assertThat(replayed.headers().lastHeader("trace-bin").value()).isEqualTo(binaryHeader);
    }

    /** Poison records on {@code topic}, keyed {@code prefix-i}; returns their dead-letter ids once indexed. */
    private List<String> poisonDeadLetters(String topic, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            produce(topic, (prefix + "-" + i).getBytes(), "not json".getBytes(), Map.of());
        }
        List<String> ids = new ArrayList<>();
        await().atMost(30, TimeUnit.SECONDS).until(() -> {
            ids.clear();
            for (JsonNode item : operatorGet("/api/dead-letters?state=PENDING&topic=" + topic + "&size=200")
                    .get("items")) {
                if (item.get("key").asText().startsWith(prefix + "-")) {
                    ids.add(item.get("id").asText());
                }
            }
            return ids.size() == count;
        });
        return ids;
    }

    private void produce(String topic, byte[] key, byte[] value, Map<String, byte[]> headers) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.clientConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, bytes) -> record.headers().add(name, bytes));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
    }

    private ConsumerRecord<byte[], byte[]> rawRecord(String topic, int partition, long offset) {
        return rawRecords(topic).stream().filter(r -> r.partition() == partition && r.offset() == offset)
                .findFirst().orElseThrow();
    }

    private List<ConsumerRecord<byte[], byte[]>> rawRecords(String topic) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private JsonNode awaitJob(String location, Predicate<JsonNode> done) {
        return await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> operatorGet(location), done::test);
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> matches) {
        for (JsonNode node : array) {
            if (matches.test(node)) {
                return node;
            }
        }
        throw new AssertionError("nothing matches in " + array);
    }

    private JsonNode awaitPendingDeadLetter(String orderId, int replayCount) {
        String path = "/api/dead-letters?state=PENDING&orderId=" + orderId;
        await().atMost(30, TimeUnit.SECONDS).until(() -> {
            JsonNode items = operatorGet(path).get("items");
            return items.size() == 1 && items.get(0).get("replayCount").asInt() == replayCount;
        });
        return operatorGet(path).get("items").get(0);
    }

    private JsonNode deadLetter(String id) {
        JsonNode items = operatorGet("/api/dead-letters?size=200").get("items");
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("dead letter " + id + " not listed");
    }
}
