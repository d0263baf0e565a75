package io.orderflow.reliability;

/** Opens the database transaction that the records of one partition batch share (see {@link PartitionBatchPolicy}). */
@FunctionalInterface
public interface BatchTransactions {

    Transaction begin();

    interface Transaction {

        void commit();

        void rollback();
    }
}
