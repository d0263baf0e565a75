package io.orderflow.app.wiring;

import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a stage's effect route in one database transaction, nested in the poll batch's transaction, and rolls
 * it back when the route failed, leaving the exception on the exchange so the event route's error handler retries
 * or dead-letters the record.
 */
public final class TransactionPolicy implements Policy {

    private final TransactionTemplate transactions;

    public TransactionPolicy(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare: the template is ready
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> transactions.executeWithoutResult(status -> {
            try {
                processor.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                status.setRollbackOnly();
            }
        });
    }
}
