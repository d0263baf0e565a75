package io.orderflow.app.wiring;

import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.transaction.support.TransactionTemplate;

import io.orderflow.reliability.OptimisticPass;

/**
 * Runs a stage's effect route in one database transaction, nested in the poll batch's transaction, and rolls
 * it back when the route failed, leaving the exception on the exchange so the event route's error handler retries
 * or dead-letters the record. In an {@link OptimisticPass} the effect runs in the batch's transaction itself.
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
        return exchange -> {
            if (OptimisticPass.isOn(exchange)) {
                // straight in the batch's transaction: a failure ends the pass, which is rolled back as a whole
                processor.process(exchange);
            } else {
                inNestedTransaction(processor, exchange);
            }
        };
    }

    private void inNestedTransaction(Processor processor, Exchange exchange) {
        transactions.executeWithoutResult(status -> {
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
