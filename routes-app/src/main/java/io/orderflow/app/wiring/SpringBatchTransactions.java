package io.orderflow.app.wiring;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import io.orderflow.reliability.BatchTransactions;

/**
 * A poll batch's transaction as a Spring transaction bound to the consumer thread, so the effects of the
 * batch's records (run by {@link TransactionPolicy} as nested transactions) and their idempotency keys join it.
 */
final class SpringBatchTransactions implements BatchTransactions {

    private final PlatformTransactionManager transactionManager;
    private final DefaultTransactionDefinition definition;

    SpringBatchTransactions(PlatformTransactionManager transactionManager) {
        this.transactionManager = transactionManager;
        // no timeout: the database bounds each lock wait (PostgresLockTimeout), the stage watchdog a slow batch
        this.definition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        definition.setName("poll batch");
    }

    @Override
    public boolean undoesEverything() {
        // every effect, idempotency key, outbox row and dead letter of a stage is written through this database
        return true;
    }

    @Override
    public Transaction begin() {
        TransactionStatus status = transactionManager.getTransaction(definition);
        return new Transaction() {
            @Override
            public void commit() {
                transactionManager.commit(status);
            }

            @Override
            public void rollback() {
                transactionManager.rollback(status);
            }
        };
    }
}
