package io.orderflow.event;


/** The record cannot be an event: not JSON, a missing field, an unknown type. Retrying cannot help. */
public class InvalidEventException extends NonRetryableException {
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidEventException(String message) {
        super(message);
    }
}
