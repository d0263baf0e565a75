package io.orderflow.reliability;

/** Opens the database transaction that the records of one poll share ({@link TransactionalBatch}). */
@FunctionalInterface
public interface BatchTransactions {

    Transaction begin();

    interface Transaction {

        void commit();

        void rollback();
    }
}
