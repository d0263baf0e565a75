package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.app.outbox.PublishedListener;
import io.orderflow.contract.Topic;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.BatchTransactions;
import io.orderflow.reliability.FaultSettings;

/**
 * What the transactional outbox and the stage watchdog promise when something breaks in the middle: a commit that
 * fails after the effect ran, a relay that dies between send and removal, a stage whose thread hangs.
 */
@Import(PipelineRecoveryIT.Hooks.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"orderflow.liveness.stuck-after=3s", "orderflow.liveness.check-interval=500ms"})
class PipelineRecoveryIT extends AppTestSupport {

    @Autowired
    private Hooks hooks;

    @Test
    void aCommitThatFailsAfterTheEffectRanPublishesNothing() {
        hooks.failNextCommitOn.set("KafkaConsumer[" + Topic.ORDER.topicName() + "]");

        String orderId = placeOrder("commit-fails-" + UUID.randomUUID(), "6.00");

        awaitStatus(orderId, "DELIVERED");
        assertThat(hooks.failedCommits).as("the payment stage's commit failed once").hasValue(1);
        assertThat(count("select count(*) from payments where order_id = ?", orderId)).isEqualTo(1);
        assertThat(topics().read(Topic.PAYMENT.topicName(), r -> orderId.equals(r.key())))
                .as("the charge that rolled back published nothing; the one that committed published once")
                .hasSize(1);
    }

    @Test
    void aRelayThatDiesBetweenSendAndRemovalSendsAgainAndTheNextStageIgnoresTheDuplicate() {
        String customer = "relay-crash-" + UUID.randomUUID();
        hooks.crashRelayOnce.set(customer);

        String orderId = placeOrder(customer, "5.00");

        awaitStatus(orderId, "DELIVERED");
        List<ConsumerRecord<String, byte[]>> created = topics().read(Topic.ORDER.topicName(),
                r -> orderId.equals(r.key()));
        assertThat(created).as("sent, not removed, sent again").hasSize(2);
        assertThat(created).extracting(r -> OrderFlowIT.header(r, "eventId"))
                .containsOnly(OrderFlowIT.header(created.get(0), "eventId"));
        assertThat(count("select count(*) from payments where order_id = ?", orderId)).isEqualTo(1);
        await().atMost(30, TimeUnit.SECONDS).until(() -> count("select count(*) from ignored_events"
                + " where consumer = 'payment-charge' and reason = 'DUPLICATE' and order_id = ?", orderId) == 1);
        assertThat(count("select count(*) from order_timeline where order_id = ? and status = 'CREATED'", orderId))
                .as("the timeline points at the first copy only").isEqualTo(1);
    }

    @Test
    void aStageThatHangsTurnsHealthDownAndIsRestartedWithoutLosingOrRepeatingTheEffect() {
        faults.set(PaymentRoutes.STAGE, new FaultSettings(0, null, 60_000));
        String orderId = placeOrder("wedged-" + UUID.randomUUID(), "3.00");

        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode stages = operatorGet("/actuator/health").path("components").path("stages");
            return "DOWN".equals(stages.path("status").asText())
                    && stages.path("details").path("reason").asText().contains(PaymentRoutes.STAGE);
        });
        faults.clear();

        awaitStatus(orderId, "DELIVERED");
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() ->
                "UP".equals(operatorGet("/actuator/health").path("components").path("stages").path("status").asText()));
        JsonNode payment = operatorGet("/actuator/health").path("components").path("stages").path("details")
                .path(PaymentRoutes.STAGE);
        assertThat(payment.path("restarts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from payments where order_id = ?", orderId)).isEqualTo(1);
        assertThat(operatorGet("/api/dead-letters?orderId=" + orderId).get("total").asLong())
                .as("a restart is not the record's fault").isZero();
    }

    private long count(String sql, String orderId) {
        return jdbc.sql(sql).param(orderId).query(Long.class).single();
    }

    /** Faults no production setting can cause, armed by the tests above. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Hooks {

        final AtomicReference<String> failNextCommitOn = new AtomicReference<>();
        final AtomicInteger failedCommits = new AtomicInteger();
        final AtomicReference<String> crashRelayOnce = new AtomicReference<>();

        /** The application's batch transactions, with a commit that rolls back and fails once when armed. */
        @Bean
        @Primary
        BatchTransactions failingOnceBatchTransactions(@Qualifier("batchTransactions") BatchTransactions real) {
            return () -> {
                BatchTransactions.Transaction transaction = real.begin();
                return new BatchTransactions.Transaction() {
                    @Override
                    public void commit() {
                        String thread = Thread.currentThread().getName();
                        String armed = failNextCommitOn.get();
                        if (armed != null && thread.contains(armed) && failNextCommitOn.compareAndSet(armed, null)) {
                            transaction.rollback();
                            failedCommits.incrementAndGet();
                            throw new IllegalStateException("commit failed (test)");
                        }
                        transaction.commit();
                    }

                    @Override
                    public void rollback() {
                        transaction.rollback();
                    }
                };
            };
        }

        /** Fails the removal of a published row once, as a relay that died right after the broker's ack. */
        @Bean
        PublishedListener relayCrashOnce() {
            return records -> records.forEach(published -> {
                String armed = crashRelayOnce.get();
                if (armed != null && new String(published.record().value(), StandardCharsets.UTF_8).contains(armed)
                        && crashRelayOnce.compareAndSet(armed, null)) {
                    throw new IllegalStateException("relay died after the ack (test)");
                }
            });
        }
    }
}
