package io.orderflow.app.rejection;

/**
 * A request the application refuses for a reason of its own (no such cart, cart full, too busy), as opposed to a
 * fault. Services throw one of its kinds and know nothing of HTTP; the web layer maps each kind to a response.
 */
public abstract class Rejection extends RuntimeException {

    protected Rejection(String message) {
        super(message);
    }
}
