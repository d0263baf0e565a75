package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.deadletter.DltHeaders;
import io.orderflow.kafka.Topic;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.FaultSettings;

/** Operators replay and discard dead letters through the API: guarded, audited, and effective. */
class ReplayTest extends AppTestSupport {

    @Test
    void replayAfterTheFaultIsFixedCompletesTheOrder() throws Exception {
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
        assertThat(operatorGet("/api/dead-letters/audit?limit=1000")).hasSize(auditBefore);

        awaitPipelineIdle();
        long orderEventsBefore = endOffsets().get(Topic.ORDER.topicName());
        JsonNode dryRun = parse(operatorPost("/api/dead-letters/replay",
                "{\"ids\":[\"" + id + "\"],\"dryRun\":true}"));
        assertThat(dryRun.get("results").get(0).get("outcome").asText()).isEqualTo("WOULD_REPLAY");
        assertThat(endOffsets().get(Topic.ORDER.topicName())).as("dry run sends nothing")
                .isEqualTo(orderEventsBefore);
        assertThat(deadLetter(id).get("state").asText()).isEqualTo("PENDING");

        faults.clear();
        JsonNode replay = parse(operatorPost("/api/dead-letters/replay", byId));
        assertThat(replay.get("results").get(0).get("outcome").asText()).isEqualTo("REPLAYED");
        awaitStatus(orderId, "DELIVERED");
        assertThat(deadLetter(id).get("state").asText()).isEqualTo("REPLAYED");

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
        assertThat(audit.size()).isEqualTo(auditBefore + 2);
        assertThat(audit.findValuesAsText("action")).contains("DRY_RUN", "REPLAY");
        assertThat(audit.get(0).get("deadLetterId").asText()).isEqualTo(id);
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("operator");
        assertThat(audit.get(0).get("outcome").asText()).isEqualTo("REPLAYED");
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
            JsonNode result = parse(operatorPost("/api/dead-letters/replay",
                    "{\"filter\":{\"orderId\":\"" + orderId + "\"}}"));
            assertThat(result.get("results").get(0).get("outcome").asText()).isEqualTo("REPLAYED");
            assertThat(deadLetter(letter.get("id").asText()).get("state").asText()).isEqualTo("REPLAYED");
        }
        JsonNode last = awaitPendingDeadLetter(orderId, 3);
        String id = last.get("id").asText();
        JsonNode refused = parse(operatorPost("/api/dead-letters/replay", "{\"ids\":[\"" + id + "\"]}"));
        assertThat(refused.get("refused").asInt()).isEqualTo(1);
        assertThat(refused.get("results").get(0).get("reason").asText()).contains("loop guard");
        assertThat(deadLetter(id).get("state").asText()).isEqualTo("PENDING");

        JsonNode discarded = parse(operatorPost("/api/dead-letters/discard",
                "{\"ids\":[\"" + id + "\"],\"reason\":\"customer blocked by fraud team\"}"));
        assertThat(discarded.get("accepted").asInt()).isEqualTo(1);
        JsonNode resolved = deadLetter(id);
        assertThat(resolved.get("state").asText()).isEqualTo("DISCARDED");
        assertThat(resolved.get("resolution").asText()).isEqualTo("customer blocked by fraud team");
        JsonNode audit = operatorGet("/api/dead-letters/audit?limit=5");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("DISCARD");
        assertThat(audit.get(1).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(operatorPost("/api/dead-letters/discard", "{\"ids\":[\"" + id + "\"]}").statusCode())
                .as("a reason is required").isEqualTo(400);
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
