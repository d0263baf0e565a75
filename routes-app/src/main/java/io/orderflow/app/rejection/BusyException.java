package io.orderflow.app.rejection;

import java.time.Duration;

/** Nothing was done because the application cannot take the request now; the same request may succeed later. */
public class BusyException extends Rejection {

    private final Duration retryAfter;

    public BusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
