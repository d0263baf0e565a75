package io.orderflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
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
import io.orderflow.console.api.RouteReport;
import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.lag.GroupLag;
import io.orderflow.console.lag.PartitionLag;
import io.orderflow.console.trace.TraceHop;
import io.orderflow.console.traffic.TailStart;
import io.orderflow.console.traffic.TopicTraffic;
import io.orderflow.console.traffic.TrafficView;
import io.orderflow.contract.Topic;
import io.orderflow.testsupport.AppProcess;

/**
 * The console against the real app and its broker carrying real pipeline traffic: each view must show what the
 * system holds (checked independently through the REST API and plain Kafka clients), its actions must reach the
 * API, and each view is written to target/snapshots as it looks with that data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ConsoleAgainstPipelineIT {

    private static final String LAG_PROBE_GROUP = "console-lag-probe";

    private AppProcess app;
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
        pipeline.producePoison(Topic.ORDER.topicName(), "poison-1");
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
                    Topic.deadLetterTopics());
            long byPayment = deadLetters.stream().filter(r -> "orderflow-payment".equals(
                    PipelineClient.header(r, "kafka_dlt-original-consumer-group"))).count();
            assertThat(byPayment).isEqualTo(1);
            console.awaitText("stage-payment-dlt", String.valueOf(byPayment)::equals);
            console.awaitText("stage-payment-health", "WARN"::equals);
            console.awaitText("stage-delivery-lag", "0"::equals);
            console.awaitText("stage-delivery-health", "OK"::equals);
            assertThat(console.text("stage-order-dlt")).isEqualTo("0");
            // the app reports each stage's outbox: events committed and not yet published
            console.awaitText("stage-payment-outbox", text -> text.matches("\\d+.*"));
            assertThat(console.text("stage-cart-in")).isEqualTo("REST");
        }
    }

    @Nested
    @Order(2)
    class Traffic {

        @Test
        void topicTotalsMatchTheBrokerAndRatesRiseWithTraffic() throws Exception {
            console.show(Console.View.TRAFFIC);
            for (String topic : Topic.pipeline()) {
                long expected = pipeline.recordsIn(topic);
                await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<TopicTraffic>rows("traffic-table").stream()
                        .anyMatch(t -> t.topic().equals(topic) && t.records() == expected && t.partitions() == 3));
            }
            for (int i = 0; i < 6; i++) {
                orders.add(pipeline.createOrder("rate-" + i, "10.00"));
            }
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<TopicTraffic>rows("traffic-table").stream()
                    .anyMatch(t -> t.topic().equals(Topic.ORDER.topicName()) && t.ratePerSecond() > 0));
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
                    .containsExactly(Topic.PAYMENT.topicName());
            console.onFx(() -> {
                console.<ComboBox<String>>node("tail-type-filter").setValue("All types");
                return null;
            });
            console.robot.clickOn("#tail-header-filter").write("eventType=OrderCreated");
            assertThat(console.<EventRecord>rows("tail-table")).extracting(EventRecord::topic)
                    .containsExactly(Topic.ORDER.topicName());

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
    class TailFromAnOffset {

        @Test
        void readsFromAnOffsetExportsTheSelectedRecordsAndTracesTheirOrder() throws Exception {
            String orderId = orders.get(1);
            console.show(Console.View.TRAFFIC);
            console.onFx(() -> {
                console.<ComboBox<TailStart.Kind>>node("tail-start").setValue(TailStart.Kind.OFFSET);
                console.<TextField>node("tail-start-at").setText("0");
                console.<TextField>node("tail-key-filter").setText(orderId);
                return null;
            });
            console.robot.clickOn("#tail-start-apply");
            // the new start replaces what the tail showed, then reads from offset 0 again
            console.awaitText("tail-status", text -> text.endsWith("from an offset"));
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<EventRecord>rows("tail-table").size() == 4);

            Path file = Files.createTempFile("tail-export", ".jsonl");
            console.onFx(() -> {
                console.<TableView<EventRecord>>node("tail-table").getSelectionModel().selectAll();
                console.<TrafficView>node("traffic-view").exportSelected(file);
                return null;
            });
            assertThat(console.text("tail-message")).startsWith("Exported 4 records to ");
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
            }
            assertThat(lines).extracting(l -> l.path("key").asText()).containsOnly(orderId);
            assertThat(lines).extracting(l -> l.path("topic").asText())
                    .containsExactly(Topic.ORDER.topicName(), Topic.PAYMENT.topicName(), Topic.DISPATCH.topicName(),
                            Topic.DELIVERY.topicName());
            assertThat(lines.get(0).path("headers").findValuesAsText("name")).contains("eventType");
            assertThat(lines.get(0).path("value").asText()).contains("\"orderId\":\"" + orderId + "\"");

            console.onFx(() -> {
                console.<TableView<EventRecord>>node("tail-table").getSelectionModel().clearAndSelect(0);
                return null;
            });
            console.robot.clickOn("#tail-trace");
            console.awaitText("trace-status", text -> text.startsWith("4 events"));
            assertThat(console.onFx(() -> console.<TextField>node("trace-order-id").getText())).isEqualTo(orderId);

            console.show(Console.View.TRAFFIC);
            console.onFx(() -> {
                console.<TextField>node("tail-key-filter").clear();
                console.<ComboBox<TailStart.Kind>>node("tail-start").setValue(TailStart.Kind.LATEST);
                return null;
            });
            console.robot.clickOn("#tail-start-apply");
        }
    }

    @Nested
    @Order(4)
    class Lag {

        @Test
        void lagEqualsWhatTheAdminClientReportsAndAStoppedGroupRaisesAnAlert() throws Exception {
            awaitPipelineSettled();
            // a group of our own sitting at offset 1 of every order-events partition: a known lag that stays put
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                positions.put(new TopicPartition(Topic.ORDER.topicName(), p), 1L);
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
            long recordTime = pipeline.readAll(List.of(Topic.ORDER.topicName())).stream()
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
    @Order(5)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class DeadLetters {

        @Test
        @Order(1)
        void groupsAndDetailsMatchTheAppAndReplayGoesThroughADryRun() throws Exception {
            console.show(Console.View.DEAD_LETTERS);
            JsonNode summary = pipeline.get("/api/dead-letters/summary", true).path("bySource");
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
            console.awaitText("replay-job-summary", text -> text.equals("Replay finished: sent 1 of 1."));
            assertThat(console.text("replay-job-counts")).startsWith("sent 1 · refused 0 · failed 0 · not sent yet 0");
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
            pipeline.producePoison(Topic.DISPATCH.topicName(), "poison-2");
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

        @Test
        @Order(3)
        void aGroupReplayRunsAsAJobWithProgressThatOutlivesTheConsole() throws Exception {
            for (int i = 0; i < 10; i++) {
                pipeline.producePoison(Topic.DELIVERY.topicName(), "poison-slow-" + i);
            }
            console.show(Console.View.DEAD_LETTERS);
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<DeadLetterGroup>rows("dlt-groups").stream()
                    .anyMatch(g -> g.originalTopic().equals(Topic.DELIVERY.topicName()) && g.pending() == 10));
            onFx(() -> {
                TableView<DeadLetterGroup> groups = console.node("dlt-groups");
                groups.getItems().stream().filter(g -> g.originalTopic().equals(Topic.DELIVERY.topicName())).findFirst()
                        .ifPresent(g -> groups.getSelectionModel().select(g));
                console.<javafx.scene.control.Spinner<Integer>>node("dlt-rate").getValueFactory().setValue(1);
            });
            console.robot.clickOn("#dlt-replay-group");
            console.awaitText("dlt-confirmation-summary",
                    text -> text.equals("Dry run: 10 of 10 would be replayed, 0 refused."));
            console.robot.clickOn("#dlt-confirm");
            // one moment of the bar, read at once: the text, the bar and the cancel button agree while it runs
            await().atMost(ConsoleDriver.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> console.onFx(() -> {
                String summary = console.<javafx.scene.control.Label>node("replay-job-summary").getText();
                double progress = console.<javafx.scene.control.ProgressBar>node("replay-job-progress").getProgress();
                return summary.matches("Replaying: [2-5] of 10 done") && progress >= 0.2 && progress <= 0.5
                        && console.node("replay-job-cancel").isVisible();
            }));
            console.snapshot("4-dead-letters-replay-progress");

            // the job is the app's: a console started afresh finds it running and follows it to its end
            console.close();
            console = ConsoleDriver.start(List.of("--bootstrap-servers=" + app.bootstrapServers(),
                    "--app-url=" + app.url(""), "--token=" + AppUnderTest.TOKEN, "--refresh-seconds=1"));
            console.show(Console.View.DEAD_LETTERS);
            console.awaitText("replay-job-summary", text -> text.startsWith("Replaying: ")
                    || text.startsWith("Replay finished"));
            String done = console.awaitText("replay-job-summary", text -> text.startsWith("Replay finished"));
            assertThat(done).isEqualTo("Replay finished: sent 10 of 10.");
            JsonNode job = pipeline.get("/api/dead-letters/replay-jobs?limit=1", true).get(0);
            assertThat(job.path("state").asText()).isEqualTo("DONE");
            assertThat(job.path("sent").asInt()).isEqualTo(10);
            assertThat(job.path("ratePerSecond").asInt()).isEqualTo(1);
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<Object>rows("dlt-jobs").toString()
                    .contains("DONE"));
            console.snapshot("4-dead-letters-replay-done");
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
    @Order(6)
    class Routes {

        @Test
        void showsTheAppsRoutesFiltersThemLinksToTheStageAndStopsOneAfterConfirmation() throws Exception {
            console.show(Console.View.ROUTES);
            JsonNode report = pipeline.get("/api/routes", true);
            List<String> ids = report.path("routes").findValuesAsText("id");
            await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<RouteReport.RouteStats>rows("routes-table")
                    .stream().map(RouteReport.RouteStats::id).toList().containsAll(ids));
            RouteReport.RouteStats payment = route("payment-kafka");
            assertThat(payment.stage()).isEqualTo("payment");
            assertThat(payment.state()).isEqualTo("Started");
            assertThat(payment.exchangesTotal()).isGreaterThanOrEqualTo(
                    report.path("routes").findParents("id").stream().filter(r -> r.path("id").asText()
                            .equals("payment-kafka")).findFirst().orElseThrow().path("exchangesTotal").asLong());
            // the poison on order-events failed in the payment stage: its event route says so, with the message
            assertThat(route("payment").failuresHandled()).isPositive();
            assertThat(route("payment").lastFailureMessage()).contains("InvalidEventException");
            assertThat(console.text("routes-outbox-payment")).as("the app reports its outbox").matches("outbox \\d+.*");
            assertThat(console.text("routes-stage-payment")).matches("\\d+ of \\d+ routes started");

            console.robot.clickOn("#routes-filter").write("payment");
            assertThat(console.<RouteReport.RouteStats>rows("routes-table")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.id() + r.from()).contains("payment"));
            select("payment");
            console.awaitText("route-failure", text -> text.startsWith("payment failed last at")
                    && text.contains("InvalidEventException"));
            console.snapshot("5-routes");
            console.robot.clickOn("#route-show-stage");
            assertThat(console.onFx(() -> console.node("stage-payment").getStyleClass().contains("highlighted")))
                    .isTrue();
            assertThat(console.onFx(() -> console.<javafx.scene.control.TabPane>node("views").getSelectionModel()
                    .getSelectedItem().getId())).isEqualTo("tab-overview");

            console.show(Console.View.ROUTES);
            console.onFx(() -> {
                console.<TextField>node("routes-filter").setText("order-api-summary");
                return null;
            });
            select("order-api-summary");
            console.clickUntilText("route-stop", "routes-confirmation-summary",
                    text -> text.startsWith("Stop route order-api-summary"));
            console.robot.clickOn("#routes-confirm");
            console.awaitText("routes-outcome", "Route order-api-summary: Started → Stopped."::equals);
            await().atMost(ConsoleDriver.PATIENCE).until(() -> route("order-api-summary").state().equals("Stopped"));
            select("order-api-summary");
            console.clickUntilText("route-start", "routes-confirmation-summary",
                    text -> text.startsWith("Start route order-api-summary (now Stopped)"));
            console.robot.clickOn("#routes-confirm");
            console.awaitText("routes-outcome", "Route order-api-summary: Stopped → Started."::equals);
            JsonNode audit = pipeline.get("/api/dead-letters/audit?limit=2", true);
            assertThat(audit.findValuesAsText("action")).containsExactly("ROUTE_START", "ROUTE_STOP");
            assertThat(pipeline.get("/api/orders/summary", false).has("DELIVERED")).isTrue();
            console.onFx(() -> {
                console.<TextField>node("routes-filter").clear();
                return null;
            });
        }

        private RouteReport.RouteStats route(String id) {
            return console.<RouteReport.RouteStats>rows("routes-table").stream().filter(r -> r.id().equals(id))
                    .findFirst().orElseThrow();
        }

        private void select(String id) {
            console.onFx(() -> {
                TableView<RouteReport.RouteStats> table = console.node("routes-table");
                table.getItems().stream().filter(r -> r.id().equals(id)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
                return null;
            });
        }
    }

    @Nested
    @Order(8)
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
            console.awaitText("trace-order", text -> text.contains("from cart cart-trace-1"));
            console.awaitText("status-app", text -> text.endsWith(": health UP"));
            console.snapshot("6-trace");

            console.onFx(() -> {
                console.console().trace("poison-1");
                return null;
            });
            console.awaitText("trace-status", text -> text.contains("dead-lettered"));
            assertThat(console.<TraceHop>rows("trace-table")).extracting(h -> h.record().topic())
                    .contains(Topic.ORDER.topicName(), Topic.ORDER.deadLetterTopic());
        }
    }

    @Nested
    @Order(9)
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
                // the order stage reads what its group really reads: no carts here, but payments and shipments
                assertThat(console.text("stage-order-in-cart-events")).isEqualTo("0/s");
                assertThat(console.text("stage-order-in-payment-events")).isNotIn("0/s", "—");
                assertThat(console.text("stage-order-in-delivery-events")).isNotIn("0/s", "—");
                assertThat(console.text("stage-order-writes")).contains("order-events").contains("POST /api/orders");
                assertThat(console.text("stage-payment-in-order-events")).isNotEqualTo("0/s");
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
    @Order(10)
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
