package io.orderflow.bench;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.orderflow.contract.EventType;
import io.orderflow.event.EventEnvelope;
import io.orderflow.reliability.ConsumedEvent;
import io.orderflow.reliability.StageRouteBuilder;
import io.orderflow.tracking.OrderRoutes;

/**
 * Observes the in-process application: an exchange of the order stage's Kafka route that carried an
 * OrderDelivered and completed without error is DELIVERED in the database when its poll batch commits: at
 * once for the batch's last record, at the batch's commit for the others (the exchange completes on the consumer
 * thread while the batch transaction is still open). Registered as a bean before Camel starts; not a Spring component, so no other test picks it up.
 */
final class DeliveredNotifier extends EventNotifierSupport {

    private volatile RunTracker tracker;

    DeliveredNotifier() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreStepEvents(true);
    }

    void track(RunTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        RunTracker current = tracker;
        if (current == null) {
            return;
        }
        Exchange exchange = ((CamelEvent.ExchangeCompletedEvent) event).getExchange();
        if (!StageRouteBuilder.kafkaRouteId(OrderRoutes.STAGE).equals(exchange.getFromRouteId())
                || exchange.getException() != null
                || exchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null) {
            return; // another route, or a record that went to the dead-letter topic
        }
        EventEnvelope envelope = exchange.getProperty(ConsumedEvent.EVENT, EventEnvelope.class);
        if (envelope == null || envelope.type() != EventType.OrderDelivered) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a record inside a poll batch: DELIVERED is in the database once the batch commits
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    current.delivered(envelope.orderId(), System.nanoTime());
                }
            });
        } else {
            current.delivered(envelope.orderId(), System.nanoTime());
        }
    }
}
