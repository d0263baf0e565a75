package io.orderflow.console.lag;

import java.time.Instant;

/** A consumer group's status changed to WARN or worse. {@code from} is null for a group seen for the first time. */
public record Alert(Instant at, String group, LagStatus from, LagStatus to, String detail) {

    public String headline() {
        return group + ": " + (from == null ? "" : from + " → ") + to;
    }
}
