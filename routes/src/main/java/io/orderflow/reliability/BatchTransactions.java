package io.orderflow.reliability;

/** Opens the database transaction that the records of one poll share ({@link TransactionalBatch}). */
@FunctionalInterface
public interface BatchTransactions {

    Transaction begin();

    /**
     * Whether rolling a batch's transaction back undoes everything its records did, as a database transaction does.
     * Only then may {@link TransactionalBatch} try a batch without savepoints first ({@link OptimisticPass}); an
     * in-memory stand-in whose stores do not roll back must not.
     */
    default boolean undoesEverything() {
        return false;
    }

    interface Transaction {

        void commit();

        void rollback();
    }
}
