package io.orderflow.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
 * a log line) is handed to {@link #afterCommit}, which holds it until the pass committed. Database work that is
 * cheaper done once for the whole pass (a JDBC batch of idempotency keys) is gathered with {@link #deferred} and
 * written before the pass commits; if that write fails, the pass is rolled back like any other failure of it.
 */
public final class OptimisticPass {

    /** Exchange property: the pass the record runs in; absent outside a pass. */
    private static final String PROPERTY = "orderflow.optimistic";

    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<Object, Deferred> deferred = new LinkedHashMap<>();

    OptimisticPass() {
    }

    /** Work gathered over a pass's records and written at once, in the pass's transaction, before it commits. */
    public interface Deferred {

        void beforeCommit();
    }

    public static boolean isOn(Exchange exchange) {
        return exchange.getProperty(PROPERTY) != null;
    }

    /** Runs {@code action} now, or, in an optimistic pass, once the pass committed; never if it was rolled back. */
    public static void afterCommit(Exchange exchange, Runnable action) {
        OptimisticPass pass = exchange.getProperty(PROPERTY, OptimisticPass.class);
        if (pass == null) {
            action.run();
        } else {
            pass.afterCommit.add(action);
        }
    }

    /**
     * What {@code owner} gathers over the pass the exchange runs in: made by {@code create} for its first record,
     * the same object for every later one, and told {@link Deferred#beforeCommit()} once all of them ran.
     *
     * @throws IllegalStateException outside an optimistic pass ({@link #isOn} says)
     */
    public static <T extends Deferred> T deferred(Exchange exchange, Object owner, Class<T> type,
                                                  Supplier<T> create) {
        OptimisticPass pass = exchange.getProperty(PROPERTY, OptimisticPass.class);
        if (pass == null) {
            throw new IllegalStateException("not in an optimistic pass");
        }
        return type.cast(pass.deferred.computeIfAbsent(owner, key -> create.get()));
    }

    /**
     * A copy of the record for this pass: the record itself stays as it was read, for the careful pass that may
     * follow (Camel's "original message" for the dead letter is taken from what each pass is given).
     */
    Exchange attempt(Exchange record) {
        Exchange attempt = record.copy();
        attempt.setProperty(PROPERTY, this);
        return attempt;
    }

    /** Writes the deferred work; a failure fails the pass. */
    void beforeCommit() {
        deferred.values().forEach(Deferred::beforeCommit);
    }

    void committed() {
        afterCommit.forEach(Runnable::run);
    }
}
