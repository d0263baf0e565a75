package io.orderflow.app.deadletter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.deadletter.DeadLetterStore.Stored;
import io.orderflow.app.metrics.MicrometerReliabilityMetrics;

/**
 * What operators may do to dead letters: the verdict on replaying each (records already handled or replayed too
 * often are refused: the loop guard) and discarding with a reason. Replays themselves run as jobs
 * ({@link ReplayJobs}); every outcome is audited.
 */
@Service
public class DeadLetterActions {

    public enum Outcome { WOULD_REPLAY, REFUSED, DISCARDED }

    public record ItemResult(String id, Outcome outcome, String reason, String targetTopic) {
    }

    public record Result(int requested, int accepted, int refused, List<ItemResult> results) {
    }

    private final DeadLetterStore store;
    private final AuditLog audit;
    private final MicrometerReliabilityMetrics metrics;
    private final OrderflowProperties.DeadLetters settings;
    private final Clock clock;

    public DeadLetterActions(DeadLetterStore store, AuditLog audit, MicrometerReliabilityMetrics metrics,
                             OrderflowProperties properties, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.metrics = metrics;
        this.settings = properties.deadLetters();
        this.clock = clock;
    }

    /** What replaying each would do now; changes nothing. */
    public Result verdicts(List<Stored> selected) {
        List<ItemResult> results = new ArrayList<>();
        for (Stored stored : selected) {
            DeadLetter d = stored.deadLetter();
            String refusal = refusal(d);
            results.add(new ItemResult(d.id(), refusal == null ? Outcome.WOULD_REPLAY : Outcome.REFUSED, refusal,
                    d.originalTopic()));
        }
        int accepted = (int) results.stream().filter(r -> r.outcome() != Outcome.REFUSED).count();
        return new Result(selected.size(), accepted, results.size() - accepted, results);
    }

    public Result discard(List<Stored> selected, String reason, String actor) {
        List<ItemResult> results = new ArrayList<>();
        for (Stored stored : selected) {
            DeadLetter d = stored.deadLetter();
            if (d.state() != DeadLetter.State.PENDING) {
                String refusal = "already " + d.state();
                results.add(new ItemResult(d.id(), Outcome.REFUSED, refusal, null));
                audit.record(actor, AuditLog.Action.DISCARD, d.id(), Outcome.REFUSED.name(), refusal);
                continue;
            }
            store.resolve(d.id(), DeadLetter.State.DISCARDED, reason, actor, clock.instant());
            audit.record(actor, AuditLog.Action.DISCARD, d.id(), Outcome.DISCARDED.name(), reason);
            metrics.discarded(d.originalTopic());
            results.add(new ItemResult(d.id(), Outcome.DISCARDED, reason, null));
        }
        int accepted = (int) results.stream().filter(r -> r.outcome() == Outcome.DISCARDED).count();
        return new Result(selected.size(), accepted, results.size() - accepted, results);
    }

    /** Why this dead letter must not be replayed now, or null when it may be. */
    String refusal(DeadLetter d) {
        if (d.state() != DeadLetter.State.PENDING) {
            return "already " + d.state();
        }
        if (d.replayCount() >= settings.replayLimit()) {
            return "loop guard: replayed " + d.replayCount() + " times already (limit " + settings.replayLimit()
                    + "); fix the cause and discard, or raise orderflow.dead-letters.replay-limit";
        }
        return null;
    }
}
