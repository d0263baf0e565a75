package io.orderflow.reliability;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;

/**
 * The first way {@link TransactionalBatch} runs a batch: every record's effect straight in the batch's transaction,
 * with no savepoint of its own. Almost every batch has no failing record, and a savepoint and its release were two
 * of the eight or so statements each record cost (on PostgreSQL each is a round trip). The first failure of any
 * record ends the pass at once: no retry, no dead letter ({@link StageErrorHandling}); the batch's transaction is
 * rolled back and the batch runs again record by record with savepoints, retries and dead letters, as if the pass
 * had never been.
 * <p>
 * For that, a pass must leave nothing behind but database work: what a record does outside the database (a metric,
 * a log line) is handed to {@link #afterCommit}, which holds it until the pass committed.
 */
public final class OptimisticPass {

    /** Exchange property: true while the record runs in an optimistic pass. */
    private static final String PROPERTY = "orderflow.optimistic";
    private static final String AFTER_COMMIT = "orderflow.optimistic.afterCommit";

    private OptimisticPass() {
    }

    public static boolean isOn(Exchange exchange) {
        return exchange.getProperty(PROPERTY, false, Boolean.class);
    }

    /** Runs {@code action} now, or, in an optimistic pass, once the pass committed; never if it was rolled back. */
    public static void afterCommit(Exchange exchange, Runnable action) {
        if (!isOn(exchange)) {
            action.run();
            return;
        }
        @SuppressWarnings("unchecked")
        List<Runnable> actions = exchange.getProperty(AFTER_COMMIT, List.class);
        if (actions == null) {
            actions = new ArrayList<>(1);
            exchange.setProperty(AFTER_COMMIT, actions);
        }
        actions.add(action);
    }

    /**
     * A copy of the record for one pass: the record itself stays as it was read, for the careful pass that may
     * follow (Camel's "original message" for the dead letter is taken from what each pass is given).
     */
    static Exchange attempt(Exchange record) {
        Exchange attempt = record.copy();
        attempt.setProperty(PROPERTY, true);
        return attempt;
    }

    static void committed(Exchange attempt) {
        @SuppressWarnings("unchecked")
        List<Runnable> actions = attempt.getProperty(AFTER_COMMIT, List.class);
        if (actions != null) {
            actions.forEach(Runnable::run);
        }
    }
}
