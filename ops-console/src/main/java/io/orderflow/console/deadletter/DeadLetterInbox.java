package io.orderflow.console.deadletter;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.orderflow.console.api.ActionOutcome;
import io.orderflow.console.api.ApiException;
import io.orderflow.console.api.AppPoll;
import io.orderflow.console.api.AuditEntry;
import io.orderflow.console.api.DeadLetter;
import io.orderflow.console.api.DeadLetterGroup;
import io.orderflow.console.api.DeadLetterPage;
import io.orderflow.console.api.DeadLetterQuery;
import io.orderflow.console.api.DiscardResult;
import io.orderflow.console.api.OrderflowApi;
import io.orderflow.console.api.ReplayRequest;
import io.orderflow.console.ui.Fx;
import io.orderflow.console.ui.PendingAction;

/**
 * The dead-letter inbox's state and its conversations with the app. Replays always start as a dry run whose
 * verdict waits for confirmation; the confirmation starts a replay job over exactly the dry run's selection, which
 * {@link ReplayJobWatch} follows. Discards wait for confirmation with their reason. After any action the groups,
 * the list and the audit are reloaded, so what is shown is what the app now holds. FX thread only.
 */
final class DeadLetterInbox {

    static final int PAGE_SIZE = 200;
    static final int AUDIT_SIZE = 100;
    static final List<String> STATES = List.of("PENDING", "REPLAYED", "DISCARDED", "ALL");

    private final OrderflowApi api;
    private final ReplayJobWatch jobs;
    private final ObjectProperty<List<DeadLetterGroup>> groups = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<DeadLetter>> letters = new SimpleObjectProperty<>(List.of());
    private final ObservableList<AuditEntry> audit = FXCollections.observableArrayList();
    private final StringProperty listing = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty actionFailed = new SimpleBooleanProperty();
    private final ObjectProperty<PendingAction> pending = new SimpleObjectProperty<>();
    private DeadLetterQuery query = new DeadLetterQuery(null, null, null, "PENDING", PAGE_SIZE);

    DeadLetterInbox(OrderflowApi api, ReplayJobWatch jobs) {
        this.api = api;
        this.jobs = jobs;
        // a job's end changes what is pending: show the app's state as soon as it ended
        jobs.endedProperty().addListener((obs, old, ended) -> {
            if (ended != null) {
                refresh();
            }
        });
    }

    void refresh() {
        call(api.deadLetterSummary(), summary -> groups.set(summary.bySource()));
        call(api.audit(AUDIT_SIZE), audit::setAll);
        load(query);
    }

    /** Lists the dead letters of one group (null: all groups) in a state, optionally of one order. */
    void show(DeadLetterGroup group, String state, String orderId) {
        load(new DeadLetterQuery(group == null ? null : group.originalTopic(),
                group == null ? null : group.exceptionClass(),
                orderId == null || orderId.isBlank() ? null : orderId.trim(),
                "ALL".equals(state) ? null : state, PAGE_SIZE));
    }

    private void load(DeadLetterQuery next) {
        query = next;
        call(api.deadLetters(next), page -> {
            if (next == query) {
                letters.set(List.copyOf(page.items()));
                listing.set(describe(page));
            }
        });
    }

    private static String describe(DeadLetterPage page) {
        return page.total() > page.items().size()
                ? "showing " + page.items().size() + " of " + page.total() + " (narrow by group or orderId)"
                : page.total() + (page.total() == 1 ? " dead letter" : " dead letters");
    }

    /**
     * Replays the given dead letters (ids) or a whole group (filter): a dry run now, and on confirmation a job over
     * exactly what the dry run selected.
     */
    void replay(ReplayRequest dryRun) {
        pending.set(null);
        act(api.dryRun(dryRun), verdict -> {
            outcome.set("");
            pending.set(new PendingAction(
                    "Dry run: " + verdict.accepted() + " of " + verdict.requested() + " would be replayed, "
                            + verdict.refused() + " refused.",
                    lines(verdict.results()),
                    "Replay " + verdict.accepted() + " now", verdict.accepted() > 0,
                    () -> start(ReplayRequest.confirm(verdict.selectionId(), dryRun.ratePerSecond()))));
        });
    }

    private void start(ReplayRequest confirmation) {
        actionFailed.set(false);
        outcome.set("starting the replay…");
        Fx.whenDone(api.startReplay(confirmation), job -> {
            jobs.follow(job);
            outcome.set("");
        }, failure -> {
            actionFailed.set(true);
            // without an answer the app may still have accepted it: say so rather than report a failure
            outcome.set(failure instanceof ApiException e && e.unreachable()
                    ? "The app did not answer (" + e.getMessage() + "): the replay may have started; the replay jobs"
                    + " below show what the app is doing."
                    : "The replay was not started. " + AppPoll.explain(failure));
        });
    }

    void discard(List<String> ids, String reason) {
        pending.set(new PendingAction(
                "Discard " + ids.size() + (ids.size() == 1 ? " dead letter" : " dead letters")
                        + " with the reason \"" + reason + "\"? They will not be replayed.",
                ids, "Discard " + ids.size(), true,
                () -> act(api.discard(ids, reason), this::discarded)));
    }

    private void discarded(DiscardResult result) {
        List<String> refusals = result.results() == null ? List.of() : result.results().stream()
                .filter(r -> "REFUSED".equals(r.outcome())).map(r -> r.id() + ": " + r.reason()).toList();
        outcome.set("Discarded " + result.discarded() + "." + (refusals.isEmpty() ? "" : " Refused " + refusals));
        refresh();
    }

    void confirm() {
        PendingAction action = pending.get();
        pending.set(null);
        if (action != null) {
            action.confirm().run();
        }
    }

    void cancel() {
        pending.set(null);
    }

    private static List<String> lines(List<ActionOutcome> results) {
        return results == null ? List.of() : results.stream()
                .map(r -> r.outcome() + "  " + r.id()
                        + (r.targetTopic() == null ? "" : " → " + r.targetTopic())
                        + (r.reason() == null ? "" : "  (" + r.reason() + ")"))
                .toList();
    }

    /** A read: its failure is the inbox's error until a later read succeeds. */
    private <T> void call(CompletableFuture<T> request, Consumer<T> onSuccess) {
        Fx.whenDone(request, value -> {
            error.set("");
            onSuccess.accept(value);
        }, failure -> error.set(AppPoll.explain(failure)));
    }

    /** A write: its failure stays shown as the action's outcome, whatever later reads do. */
    private <T> void act(CompletableFuture<T> request, Consumer<T> onSuccess) {
        actionFailed.set(false);
        outcome.set("working…");
        Fx.whenDone(request, onSuccess, failure -> {
            actionFailed.set(true);
            outcome.set("The action failed. " + AppPoll.explain(failure));
        });
    }

    /** Replaced as a whole on every reload. */
    ObjectProperty<List<DeadLetterGroup>> groupsProperty() {
        return groups;
    }

    /** Replaced as a whole on every reload. */
    ObjectProperty<List<DeadLetter>> lettersProperty() {
        return letters;
    }

    ObservableList<AuditEntry> audit() {
        return audit;
    }

    StringProperty listingProperty() {
        return listing;
    }

    StringProperty errorProperty() {
        return error;
    }

    StringProperty outcomeProperty() {
        return outcome;
    }

    BooleanProperty actionFailedProperty() {
        return actionFailed;
    }

    ObjectProperty<PendingAction> pendingProperty() {
        return pending;
    }
}
