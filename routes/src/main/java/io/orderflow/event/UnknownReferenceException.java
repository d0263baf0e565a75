package io.orderflow.event;


/**
 * The event speaks of an order, cart, payment or shipment this database does not have. Every event is published
 * only after the state it follows from was committed (transactional outbox), so waiting cannot make it appear.
 */
public class UnknownReferenceException extends NonRetryableException {
    public UnknownReferenceException(String message) {
        super(message);
    }
}
