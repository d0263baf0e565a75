package io.orderflow.app.deadletter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.deadletter.DeadLetterStore.Stored;
import io.orderflow.app.stage.MicrometerReliabilityMetrics;
import io.orderflow.deadletter.DltHeaders;
import io.orderflow.kafka.KafkaUris;

/**
 * Sends dead letters back to the topic they failed on: the original bytes and key (hence the original
 * partition), the original headers, and provenance headers. Refuses records already handled or replayed too
 * often (the loop guard), paces sends to a rate, and audits every outcome.
 */
@Service
public class DeadLetterActions {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterActions.class);

    public enum Outcome { REPLAYED, WOULD_REPLAY, REFUSED, DISCARDED }

    public record ItemResult(String id, Outcome outcome, String reason, String targetTopic, Integer targetPartition,
                             Long targetOffset) {
    }

    public record Result(boolean dryRun, int requested, int accepted, int refused, List<ItemResult> results) {
    }

    private final DeadLetterStore store;
    private final AuditLog audit;
    private final ProducerTemplate producer;
    private final MicrometerReliabilityMetrics metrics;
    private final OrderflowProperties.DeadLetters settings;
    private final Clock clock;

    public DeadLetterActions(DeadLetterStore store, AuditLog audit, ProducerTemplate producer,
                         MicrometerReliabilityMetrics metrics, OrderflowProperties properties, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.producer = producer;
        this.metrics = metrics;
        this.settings = properties.deadLetters();
        this.clock = clock;
    }

    public Result replay(List<Stored> selected, boolean dryRun, int ratePerSecond, String actor) {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long nextSend = System.nanoTime();
        List<ItemResult> results = new ArrayList<>();
        for (Stored stored : selected) {
            DeadLetter d = stored.deadLetter();
            String refusal = refusal(d);
            if (refusal != null) {
                results.add(new ItemResult(d.id(), Outcome.REFUSED, refusal, d.originalTopic(), null, null));
                if (!dryRun) {
                    audit.record(actor, AuditLog.Action.REPLAY, d.id(), Outcome.REFUSED.name(), refusal);
                }
                continue;
            }
            if (dryRun) {
                results.add(new ItemResult(d.id(), Outcome.WOULD_REPLAY, null, d.originalTopic(), null, null));
                continue;
            }
            LockSupport.parkNanos(nextSend - System.nanoTime());
            nextSend = Math.max(nextSend, System.nanoTime()) + intervalNanos;
            results.add(send(stored, actor));
        }
        int accepted = (int) results.stream().filter(r -> r.outcome() != Outcome.REFUSED).count();
        if (dryRun) {
            audit.record(actor, AuditLog.Action.DRY_RUN, null, "OK",
                    accepted + " would be replayed, " + (results.size() - accepted) + " refused");
        }
        return new Result(dryRun, selected.size(), accepted, results.size() - accepted, results);
    }

    public Result discard(List<Stored> selected, String reason, String actor) {
        List<ItemResult> results = new ArrayList<>();
        for (Stored stored : selected) {
            DeadLetter d = stored.deadLetter();
            if (d.state() != DeadLetter.State.PENDING) {
                String refusal = "already " + d.state();
                results.add(new ItemResult(d.id(), Outcome.REFUSED, refusal, null, null, null));
                audit.record(actor, AuditLog.Action.DISCARD, d.id(), Outcome.REFUSED.name(), refusal);
                continue;
            }
            store.resolve(d.id(), DeadLetter.State.DISCARDED, reason, actor, clock.instant());
            audit.record(actor, AuditLog.Action.DISCARD, d.id(), Outcome.DISCARDED.name(), reason);
            metrics.discarded(d.originalTopic());
            results.add(new ItemResult(d.id(), Outcome.DISCARDED, reason, null, null, null));
        }
        int accepted = (int) results.stream().filter(r -> r.outcome() == Outcome.DISCARDED).count();
        return new Result(false, selected.size(), accepted, results.size() - accepted, results);
    }

    private String refusal(DeadLetter d) {
        if (d.state() != DeadLetter.State.PENDING) {
            return "already " + d.state();
        }
        if (d.replayCount() >= settings.replayLimit()) {
            return "loop guard: replayed " + d.replayCount() + " times already (limit " + settings.replayLimit()
                    + "); fix the cause and discard, or raise orderflow.dead-letters.replay-limit";
        }
        return null;
    }

    private ItemResult send(Stored stored, String actor) {
        DeadLetter d = stored.deadLetter();
        Exchange result = producer.send(KafkaUris.replayProducer(), exchange -> {
            var message = exchange.getMessage();
            message.setBody(stored.payload());
            message.setHeader(KafkaConstants.OVERRIDE_TOPIC, d.originalTopic());
            // the original key, partition and header bytes: a replay lands where the record was and reads the same
            if (stored.key() != null) {
                message.setHeader(KafkaConstants.KEY, stored.key());
            }
            if (d.originalPartition() != null) {
                message.setHeader(KafkaConstants.PARTITION_KEY, d.originalPartition());
            }
            for (Header header : stored.headers()) {
                String name = header.key();
                if (!DltHeaders.isFailureHeader(name) && !name.startsWith("orderflow_replay-")) {
                    message.setHeader(name, header.value());
                }
            }
            message.setHeader(DltHeaders.REPLAY_DLT_TOPIC, DltHeaders.utf8(d.dltTopic()));
            message.setHeader(DltHeaders.REPLAY_DLT_PARTITION, DltHeaders.int32(d.dltPartition()));
            message.setHeader(DltHeaders.REPLAY_DLT_OFFSET, DltHeaders.int64(d.dltOffset()));
            message.setHeader(DltHeaders.REPLAY_COUNT, DltHeaders.int32(d.replayCount() + 1));
            message.setHeader(DltHeaders.REPLAY_BY, DltHeaders.utf8(actor));
            message.setHeader(DltHeaders.REPLAY_AT, DltHeaders.int64(clock.millis()));
        });
        if (result.getException() != null) {
            String reason = "send failed: " + result.getException().getMessage();
            audit.record(actor, AuditLog.Action.REPLAY, d.id(), "FAILED", reason);
            LOG.warn("replay of {} failed", d.id(), result.getException());
            return new ItemResult(d.id(), Outcome.REFUSED, reason, d.originalTopic(), null, null);
        }
        @SuppressWarnings("unchecked")
        RecordMetadata meta = ((List<RecordMetadata>) result.getMessage()
                .getHeader(KafkaConstants.KAFKA_RECORD_META, List.class)).get(0);
        store.resolve(d.id(), DeadLetter.State.REPLAYED,
                "replayed to " + meta.topic() + "/" + meta.partition() + "/" + meta.offset(), actor, clock.instant());
        audit.record(actor, AuditLog.Action.REPLAY, d.id(), Outcome.REPLAYED.name(),
                "to " + meta.topic() + "/" + meta.partition() + "/" + meta.offset());
        metrics.replayed(d.originalTopic());
        LOG.info("replayed dead letter {} to {}/{}/{} by {}", d.id(), meta.topic(), meta.partition(), meta.offset(),
                actor);
        return new ItemResult(d.id(), Outcome.REPLAYED, null, meta.topic(), meta.partition(), meta.offset());
    }
}
