package io.orderflow.event;

/**
 * A failure that will fail the same way on every attempt (bad input, a business rule). The stage error handler
 * sends such records straight to the dead-letter topic instead of retrying.
 */
public class NonRetryableException extends RuntimeException {
    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
