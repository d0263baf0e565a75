package io.orderflow.reliability;

/**
 * Bounded, blocking redelivery with exponential backoff. Blocking keeps one order's events in order; the bound
 * keeps a whole poll batch of failing records well inside {@code max.poll.interval.ms} (5 min by default).
 */
public record RetrySettings(int maxRedeliveries, long initialDelayMs, double multiplier, long maxDelayMs) {

    public static final RetrySettings DEFAULT = new RetrySettings(4, 100, 2.0, 2_000);

    public RetrySettings {
        if (maxRedeliveries < 0 || initialDelayMs < 0 || multiplier < 1.0 || maxDelayMs < initialDelayMs) {
            throw new IllegalArgumentException("invalid retry settings: " + maxRedeliveries + " redeliveries, "
                    + initialDelayMs + " ms initial, x" + multiplier + ", max " + maxDelayMs + " ms");
        }
    }
}
