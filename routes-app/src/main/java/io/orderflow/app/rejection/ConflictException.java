package io.orderflow.app.rejection;

/** The request does not fit the state the resource is in now (a cart already checked out, say). */
public class ConflictException extends Rejection {

    public ConflictException(String message) {
        super(message);
    }
}
