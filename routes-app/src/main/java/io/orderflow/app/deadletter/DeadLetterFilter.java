package io.orderflow.app.deadletter;

import java.time.Instant;

/**
 * Which dead letters a list, replay or discard applies to. Null fields do not filter; {@code exception} matches any
 * part of the exception class name.
 */
public record DeadLetterFilter(String topic, String exception, String orderId, Instant from, Instant to,
                               DeadLetter.State state) {

    public DeadLetterFilter pendingOnly() {
        return new DeadLetterFilter(topic, exception, orderId, from, to, DeadLetter.State.PENDING);
    }
}
