package io.orderflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.orderflow.console.api.DeadLetter;
import io.orderflow.console.api.DeadLetterGroup;
import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.Topics;
import io.orderflow.console.lag.GroupLag;
import io.orderflow.console.lag.PartitionLag;
import io.orderflow.console.trace.TraceHop;
import io.orderflow.console.traffic.TopicTraffic;

/**
 * The console against the real app and its broker carrying real pipeline traffic: each view must show what the
 * system holds (checked independently through the REST API and plain Kafka clients), its actions must reach the
 * API, and each view is written to target/snapshots as it looks with that data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ConsoleAgainstPipelineTest {

    private static final String LAG_PROBE_GROUP = "console-lag-probe";

    private AppUnderTest app;
    private PipelineClient pipeline;
    private ConsoleDriver console;
    private final List<String> orders = new ArrayList<>();

    @BeforeAll
    void startAppWithTrafficAndConsole() throws Exception {
        app = AppUnderTest.start();
        pipeline = new PipelineClient(app);
        for (int i = 0; i < 12; i++) {
            orders.add(pipeline.createOrder("customer-" + i, i % 4 == 0 ? "99999.00" : "25.00"));
        }
        pipeline.producePoison(Topics.ORDER, "poison-1");
        console = ConsoleDriver.start(List.of("--bootstrap-servers=" + app.bootstrapServers(),
                "--app-url=" + app.url(""), "--token=" + AppUnderTest.TOKEN, "--refresh-seconds=1",
                "--lag-window=5"));
        awaitPipelineSettled();
    }

    @AfterAll
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /** Every order reached a final status and every stage's group has consumed everything. */
    private void awaitPipelineSettled() {
        await().atMost(ConsoleDriver.PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode summary = pipeline.get("/api/orders/summary", false);
            boolean final_ = summary.path("CREATED").asLong() + summary.path("PAID").asLong()
                    + summary.path("DISPATCHED").asLong() == 0;
            long lag = 0;
            for (String group : List.of("orderflow-order", "orderflow-payment", "orderflow-dispatch",
                    "orderflow-delivery")) {
                lag += pipeline.lagOf(group).values().stream().mapToLong(Long::longValue).sum();
            }
            return final_ && lag == 0;
        });
    }

    @Nested
    @Order(1)
    class Overview {

        @Test
        void showsOrdersByStatusAndStageFiguresAsTheSystemHasThem() throws Exception {
            console.show(Console.View.OVERVIEW);
            JsonNode summary = pipeline.get("/api/orders/summary", false);
            for (String status : List.of("CREATED", "PAID", "PAYMENT_FAILED", "DISPATCHED", "DELIVERED")) {
                String expected = String.valueOf(summary.path(status).asLong());
                console.awaitText("orders-" + status, expected::equals);
            }
            assertThat(console.text("orders-TOTAL")).isEqualTo(String.valueOf(orders.size()));

            // dead letters per stage: the DLT records whose original consumer group is the stage's group
            List<ConsumerRecord<byte[], byte[]>> deadLetters = pipeline.readAll(
                    Topics.PIPELINE.stream().map(Topics::deadLetterTopic).toList());
            long byPayment = deadLetters.stream().filter(r -> "orderflow-payment".equals(
                    PipelineClient.header(r, "kafka_dlt-original-consumer-group"))).count();
            assertThat(byPayment).isEqualTo(1);
            console.awaitText("stage-payment-dlt", String.valueOf(byPayment)::equals);
            console.awaitText("stage-payment-health", "WARN"::equals);
            console.awaitText("stage-delivery-lag", "0"::equals);
            console.awaitText("stage-delivery-health", "OK"::equals);
            assertThat(console.text("stage-order-dlt")).isEqualTo("0");
            assertThat(console.text("stage-cart-in")).isEqualTo("REST");
        }
    }

    @Nested
    @Order(2)
    class Traffic {

        @Test
        void topicTotalsMatchTheBrokerAndRatesRiseWithTraffic() throws Exception {
            console.show(Console.View.TRAFFIC);
            for (String topic : Topics.PIPELINE) {
                long expected = pipeline.recordsIn(topic);
                await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<TopicTraffic>rows("traffic-table").stream()
                        .anyMatch(t -> t.topic().equals(topic) && t.records() == expected && t.partitions() == 3));
            }
            for (int i = 0; i < 6; i++) {
                orders.add(pipeline.createOrder("rate-" + i, "10.00"));
            }
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<TopicTraffic>rows("traffic-table").stream()
                    .anyMatch(t -> t.topic().equals(Topics.ORDER) && t.ratePerSecond() > 0));
        }

        @Test
        void liveTailShowsNewRecordsFiltersThemAndOpensOne() throws Exception {
            console.show(Console.View.TRAFFIC);
            String orderId = pipeline.createOrder("tail-customer", "42.00");
            orders.add(orderId);
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<EventRecord>rows("tail-table").stream()
                    .filter(r -> orderId.equals(r.key())).count() == 4);

            console.robot.clickOn("#tail-key-filter").write(orderId);
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<EventRecord>rows("tail-table").size() == 4);
            assertThat(console.<EventRecord>rows("tail-table")).extracting(EventRecord::type)
                    .containsExactly("OrderDelivered", "OrderDispatched", "PaymentProcessed", "OrderCreated");

            console.onFx(() -> {
                console.<ComboBox<String>>node("tail-type-filter").setValue("PaymentProcessed");
                return null;
            });
            assertThat(console.<EventRecord>rows("tail-table")).extracting(EventRecord::topic)
                    .containsExactly(Topics.PAYMENT);
            console.onFx(() -> {
                console.<ComboBox<String>>node("tail-type-filter").setValue("All types");
                return null;
            });
            console.robot.clickOn("#tail-header-filter").write("eventType=OrderCreated");
            assertThat(console.<EventRecord>rows("tail-table")).extracting(EventRecord::topic)
                    .containsExactly(Topics.ORDER);

            console.onFx(() -> {
                console.<TableView<EventRecord>>node("tail-table").getSelectionModel().select(0);
                return null;
            });
            String payload = console.onFx(() -> console.<TextArea>node("tail-payload").getText());
            assertThat(payload).contains("\"orderId\" : \"" + orderId + "\"").contains("\"type\" : \"OrderCreated\"");
            assertThat(console.<Object>rows("tail-headers").toString()).contains("eventType").contains("OrderCreated");
            console.snapshot("2-traffic-filtered");
            console.onFx(() -> {
                console.<TextField>node("tail-header-filter").clear();
                console.<TextField>node("tail-key-filter").clear();
                return null;
            });
        }
    }

    @Nested
    @Order(3)
    class Lag {

        @Test
        void lagEqualsWhatTheAdminClientReportsAndAStoppedGroupRaisesAnAlert() throws Exception {
            awaitPipelineSettled();
            // a group of our own sitting at offset 1 of every order-events partition: a known lag that stays put
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                positions.put(new TopicPartition(Topics.ORDER, p), 1L);
            }
            pipeline.commit(LAG_PROBE_GROUP, positions);
            console.show(Console.View.LAG);

            for (String group : List.of(LAG_PROBE_GROUP, "orderflow-order", "orderflow-payment", "orderflow-dispatch",
                    "orderflow-delivery", "orderflow-deadletters")) {
                Map<TopicPartition, Long> expected = pipeline.lagOf(group);
                await().atMost(ConsoleDriver.PATIENCE).until(() -> shownLag(group).equals(expected));
            }
            long expectedTotal = pipeline.lagOf(LAG_PROBE_GROUP).values().stream().mapToLong(Long::longValue).sum();
            assertThat(expectedTotal).isPositive();

            // nobody consumes for the probe group while its lag stays: Burrow's STOP, the group ERR, and an alert
            await().atMost(ConsoleDriver.PATIENCE).until(() -> group(LAG_PROBE_GROUP).status().name().equals("ERR"));
            assertThat(group(LAG_PROBE_GROUP).partitions()).allSatisfy(p -> {
                assertThat(p.status().name()).isIn("STOP", "OK");
                assertThat(p.owner()).isNull();
            });
            String alert = console.awaitText("alert-message", text -> text.contains(LAG_PROBE_GROUP));
            assertThat(alert).contains("ERR");
            assertThat(console.visible("alert-bar")).isTrue();

            // lag in time is the age of the record at the committed offset
            PartitionLag lagging = group(LAG_PROBE_GROUP).partitions().stream().filter(p -> p.lag() > 0)
                    .findFirst().orElseThrow();
            long recordTime = pipeline.readAll(List.of(Topics.ORDER)).stream()
                    .filter(r -> r.partition() == lagging.partition() && r.offset() == lagging.committed())
                    .findFirst().orElseThrow().timestamp();
            assertThat(lagging.lagMillis()).isBetween(System.currentTimeMillis() - recordTime - 10_000,
                    System.currentTimeMillis() - recordTime);
            assertThat(lagging.catchUpMillis()).isNull();

            console.onFx(() -> {
                TableView<GroupLag> groups = console.node("lag-groups");
                groups.getItems().stream().filter(g -> g.group().equals(LAG_PROBE_GROUP)).findFirst()
                        .ifPresent(g -> groups.getSelectionModel().select(g));
                return null;
            });
            console.awaitText("lag-partitions-title", text -> text.contains(LAG_PROBE_GROUP));
            console.snapshot("3-lag");
            console.robot.clickOn("#alert-dismiss");
            assertThat(console.visible("alert-bar")).isFalse();
        }

        private GroupLag group(String id) {
            return console.<GroupLag>rows("lag-groups").stream().filter(g -> g.group().equals(id)).findFirst()
                    .orElseThrow();
        }

        private Map<TopicPartition, Long> shownLag(String group) {
            Map<TopicPartition, Long> shown = new HashMap<>();
            console.<GroupLag>rows("lag-groups").stream().filter(g -> g.group().equals(group)).findFirst()
                    .ifPresent(g -> g.partitions().forEach(
                            p -> shown.put(new TopicPartition(p.topic(), p.partition()), p.lag())));
            return shown;
        }
    }

    @Nested
    @Order(4)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class DeadLetters {

        @Test
        @Order(1)
        void groupsAndDetailsMatchTheAppAndReplayGoesThroughADryRun() throws Exception {
            console.show(Console.View.DEAD_LETTERS);
            JsonNode summary = pipeline.get("/api/dead-letters/summary", true);
            assertThat(summary).hasSize(1);
            JsonNode group = summary.get(0);
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<DeadLetterGroup>rows("dlt-groups").equals(
                    List.of(new DeadLetterGroup(group.path("originalTopic").asText(),
                            group.path("exceptionClass").asText(), group.path("pending").asLong(),
                            group.path("total").asLong()))));
            selectFirst("dlt-groups");
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<DeadLetter>rows("dlt-table").size() == 1);
            selectFirst("dlt-table");
            assertThat(console.text("dlt-fact-0")).startsWith("order-events · partition");
            assertThat(console.text("dlt-fact-1")).contains("orderflow-payment");
            assertThat(console.text("dlt-fact-2")).startsWith("io.orderflow.event.InvalidEventException");
            assertThat(console.onFx(() -> console.<TextArea>node("dlt-payload").getText())).isEqualTo("not json");
            assertThat(console.onFx(() -> console.<TextArea>node("dlt-stacktrace").getText()))
                    .contains("InvalidEventException");

            console.robot.clickOn("#dlt-replay-selected");
            String dryRun = console.awaitText("dlt-confirmation-summary", text -> text.startsWith("Dry run"));
            assertThat(dryRun).isEqualTo("Dry run: 1 of 1 would be replayed, 0 refused.");
            assertThat(pipeline.get("/api/dead-letters/audit?limit=10", true).toString()).contains("DRY_RUN");
            assertThat(pipeline.get("/api/dead-letters?state=PENDING", true).path("total").asLong()).isEqualTo(1);
            console.snapshot("4-dead-letters");

            console.robot.clickOn("#dlt-confirm");
            console.awaitText("dlt-outcome", text -> text.startsWith("Replayed 1 of 1"));
            JsonNode replayed = pipeline.get("/api/dead-letters?state=REPLAYED", true);
            assertThat(replayed.path("total").asLong()).isEqualTo(1);
            assertThat(replayed.path("items").get(0).path("resolution").asText()).startsWith("replayed to order-events");
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<Object>rows("dlt-audit").toString()
                    .contains("REPLAY"));
            // the replayed poison fails again: it comes back as a new pending dead letter that knows its history
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<DeadLetter>rows("dlt-table").stream()
                    .anyMatch(d -> "poison-1".equals(d.key()) && Integer.valueOf(1).equals(d.replayCount())));
        }

        @Test
        @Order(2)
        void discardAsksForAReasonAndTheAppRecordsIt() throws Exception {
            pipeline.producePoison(Topics.DISPATCH, "poison-2");
            console.show(Console.View.DEAD_LETTERS);
            onFx(() -> console.<TableView<?>>node("dlt-groups").getSelectionModel().clearSelection());
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<DeadLetter>rows("dlt-table").stream()
                    .anyMatch(d -> "poison-2".equals(d.key())));
            onFx(() -> {
                TableView<DeadLetter> table = console.node("dlt-table");
                table.getItems().stream().filter(d -> "poison-2".equals(d.key())).findFirst()
                        .ifPresent(d -> table.getSelectionModel().select(d));
            });
            assertThat(console.onFx(() -> console.node("dlt-discard").isDisabled())).isTrue();
            console.robot.clickOn("#dlt-discard-reason").write("test poison, nothing to redo");
            console.robot.clickOn("#dlt-discard");
            console.awaitText("dlt-confirmation-summary", text -> text.startsWith("Discard 1 dead letter"));
            console.robot.clickOn("#dlt-confirm");
            console.awaitText("dlt-outcome", text -> text.equals("Discarded 1."));
            JsonNode discarded = pipeline.get("/api/dead-letters?state=DISCARDED", true);
            assertThat(discarded.path("items").get(0).path("key").asText()).isEqualTo("poison-2");
            assertThat(discarded.path("items").get(0).path("resolution").asText()).contains("test poison");
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<Object>rows("dlt-audit").toString()
                    .contains("DISCARD"));
        }

        private void selectFirst(String table) {
            onFx(() -> console.<TableView<?>>node(table).getSelectionModel().select(0));
        }

        private void onFx(Runnable action) {
            console.onFx(() -> {
                action.run();
                return null;
            });
        }
    }

    @Nested
    @Order(5)
    class Trace {

        @Test
        void showsEveryHopOfAnOrderWhereTheAppSaysItHappened() throws Exception {
            String orderId = orders.get(1);
            JsonNode timeline = pipeline.get("/api/orders/" + orderId, false).path("timeline");
            console.onFx(() -> {
                console.console().trace(orderId);
                return null;
            });
            console.awaitText("trace-status", text -> text.contains("events"));
            List<TraceHop> hops = console.rows("trace-table");
            assertThat(hops).extracting(h -> h.record().type())
                    .containsExactly("OrderCreated", "PaymentProcessed", "OrderDispatched", "OrderDelivered");
            for (int i = 0; i < hops.size(); i++) {
                EventRecord record = hops.get(i).record();
                assertThat(record.topic()).isEqualTo(timeline.get(i).path("topic").asText());
                assertThat(record.partition()).isEqualTo(timeline.get(i).path("partition").asInt());
                assertThat(record.offset()).isEqualTo(timeline.get(i).path("offset").asLong());
                if (i > 0) {
                    assertThat(hops.get(i).sincePreviousMillis())
                            .isEqualTo(record.timestamp() - hops.get(i - 1).record().timestamp());
                }
            }
            console.awaitText("trace-order", text -> text.contains("DELIVERED"));
        }

        @Test
        void followsACartIntoItsOrderAndShowsDeadLetters() throws Exception {
            String orderId = pipeline.checkoutCart("cart-trace-1", "cart-customer");
            await().atMost(ConsoleDriver.PATIENCE).until(() ->
                    pipeline.get("/api/orders/" + orderId, false).path("status").asText().equals("DELIVERED"));
            console.onFx(() -> {
                console.console().trace(orderId);
                return null;
            });
            console.awaitText("trace-status", text -> text.contains("events"));
            assertThat(console.<TraceHop>rows("trace-table")).extracting(h -> h.record().type())
                    .containsExactly("CartItemAdded", "CartCheckedOut", "OrderCreated", "PaymentProcessed",
                            "OrderDispatched", "OrderDelivered");
            console.snapshot("5-trace");

            console.onFx(() -> {
                console.console().trace("poison-1");
                return null;
            });
            console.awaitText("trace-status", text -> text.contains("dead-lettered"));
            assertThat(console.<TraceHop>rows("trace-table")).extracting(h -> h.record().topic())
                    .contains(Topics.ORDER, Topics.deadLetterTopic(Topics.ORDER));
        }
    }

    @Nested
    @Order(6)
    class UnderSteadyTraffic {

        @Test
        void overviewAndTrafficChartTheLiveRates() throws Exception {
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    pipeline.createOrder("steady", "15.00");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0, 150, TimeUnit.MILLISECONDS);
            try {
                console.show(Console.View.OVERVIEW);
                console.awaitText("stage-payment-out", text -> !text.equals("0/s") && !text.equals("—"));
                awaitSamples(10);
                assertThat(console.text("stage-order-in")).isEqualTo("0/s");
                assertThat(console.text("stage-payment-in")).isNotEqualTo("0/s");
                console.snapshot("1-overview");
                console.show(Console.View.TRAFFIC);
                awaitSamples(2);
                console.snapshot("2-traffic");
            } finally {
                trickle.shutdownNow();
            }
        }

        /** Waits for the console to take this many more traffic samples. */
        private void awaitSamples(int count) {
            Set<String> seen = new HashSet<>();
            await().atMost(ConsoleDriver.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                seen.add(console.text("traffic-updated"));
                return seen.size() > count;
            });
        }
    }

    @Nested
    @Order(7)
    class WithARejectedToken {

        @Test
        void deadLetterViewSaysWhyTheAppRefuses() throws Exception {
            console.close();
            console = ConsoleDriver.start(List.of("--bootstrap-servers=" + app.bootstrapServers(),
                    "--app-url=" + app.url(""), "--token=not-the-operator-token", "--refresh-seconds=1"));
            console.show(Console.View.DEAD_LETTERS);
            String error = console.awaitText("dlt-error", text -> !text.isEmpty());
            assertThat(error).contains("refused the operator token").contains("401");
            assertThat(console.visible("dlt-error")).isTrue();
            console.snapshot("4-dead-letters-rejected-token");
        }
    }
}
