package io.orderflow.app.rejection;

/** What the request names does not exist. */
public class NotFoundException extends Rejection {

    public NotFoundException(String message) {
        super(message);
    }
}
