package io.orderflow.order;

/**
 * A status event for an order this database does not know (yet). Retryable: the order may still be committing
 * in another transaction; if it never appears, retries run out and the event is dead-lettered.
 */
public class OrderNotFoundException extends RuntimeException {
    public OrderNotFoundException(String orderId) {
        super("order " + orderId + " not found");
    }
}
