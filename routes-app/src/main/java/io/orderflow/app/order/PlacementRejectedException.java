package io.orderflow.app.order;

import java.time.Duration;

import io.orderflow.app.rejection.BusyException;

/** The order was not placed (nothing stored): the placement queue is full, timed out, or not running. */
public class PlacementRejectedException extends BusyException {

    public PlacementRejectedException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
