package io.orderflow.app.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.orderflow.app.deadletter.DeadLetterStore.Stored;
import io.orderflow.app.deadletter.ReplayJobStore.Job;
import io.orderflow.app.deadletter.ReplayJobStore.State;

/**
 * Replays as jobs. A dry run plans a job over the dead letters it selected and reports the verdicts; confirming the
 * plan queues exactly those ids, however the dead letters changed in between (each is checked again just before it
 * is sent). A replay without a dry run plans and queues in one step. The runner sends them in the background.
 */
@Service
public class ReplayJobs {

    /** A dry run's verdicts and the selection id that confirms them. */
    public record DryRun(boolean dryRun, String selectionId, int requested, int accepted, int refused,
                         List<DeadLetterActions.ItemResult> results) {
    }

    /** Confirming a plan: {@code job} is empty when there is no such plan, and not planned any more when it ran. */
    public record Confirmation(Optional<Job> job, boolean started) {
    }

    /** A dry run nobody confirmed within this time is forgotten. */
    static final Duration PLAN_KEPT = Duration.ofHours(24);

    private final ReplayJobStore store;
    private final DeadLetterActions actions;
    private final ReplayJobRunner runner;
    private final AuditLog audit;
    private final Clock clock;

    public ReplayJobs(ReplayJobStore store, DeadLetterActions actions, ReplayJobRunner runner, AuditLog audit,
                      Clock clock) {
        this.store = store;
        this.actions = actions;
        this.runner = runner;
        this.audit = audit;
        this.clock = clock;
    }

    public DryRun plan(List<Stored> selected, String actor) {
        store.forgetPlansBefore(clock.instant().minus(PLAN_KEPT));
        DeadLetterActions.Result verdicts = actions.verdicts(selected);
        String id = store.create(ids(selected), State.PLANNED, 0, actor, clock.instant());
        audit.record(actor, AuditLog.Action.DRY_RUN, null, "OK", verdicts.accepted() + " would be replayed, "
                + verdicts.refused() + " refused; selection " + id);
        return new DryRun(true, id, verdicts.requested(), verdicts.accepted(), verdicts.refused(), verdicts.results());
    }

    public Confirmation confirm(String selectionId, int ratePerSecond, String actor) {
        boolean queued = store.queuePlanned(selectionId, ratePerSecond, actor);
        if (queued) {
            started(selectionId, actor, ratePerSecond);
        }
        return new Confirmation(store.find(selectionId), queued);
    }

    public Job start(List<Stored> selected, int ratePerSecond, String actor) {
        String id = store.create(ids(selected), State.QUEUED, ratePerSecond, actor, clock.instant());
        started(id, actor, ratePerSecond);
        return store.find(id).orElseThrow();
    }

    /** Cancelling a job: {@code job} is empty when there is none; {@code cancelled} is false when it had ended. */
    public record Cancellation(Optional<Job> job, boolean cancelled) {
    }

    public Cancellation cancel(String id, String actor) {
        boolean cancelled = store.find(id).isPresent() && store.cancel(id, clock.instant());
        if (cancelled) {
            audit.record(actor, AuditLog.Action.REPLAY_JOB, null, "CANCELLED", "job " + id + " cancelled");
        }
        return new Cancellation(store.find(id), cancelled);
    }

    public Optional<Job> find(String id) {
        return store.find(id);
    }

    public List<Job> recent(int limit) {
        return store.recent(limit);
    }

    private void started(String id, String actor, int ratePerSecond) {
        Job job = store.find(id).orElseThrow();
        audit.record(actor, AuditLog.Action.REPLAY_JOB, null, State.QUEUED.name(),
                "job " + id + ": " + job.selected() + " dead letters at " + ratePerSecond + "/s");
        runner.submit(id);
    }

    private static List<String> ids(List<Stored> selected) {
        return selected.stream().map(s -> s.deadLetter().id()).toList();
    }
}
