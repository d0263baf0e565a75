package io.orderflow.reliability;

import java.util.regex.Pattern;

/**
 * Faults to inject at one stage: a share of attempts that fail transiently, a pattern that makes matching
 * records fail permanently (matched against the raw record text), and added latency per record.
 */
public record FaultSettings(double transientFailureRate, String permanentFailurePattern, long latencyMs) {

    public static final FaultSettings NONE = new FaultSettings(0, null, 0);

    public FaultSettings {
        if (transientFailureRate < 0 || transientFailureRate > 1) {
            throw new IllegalArgumentException("transientFailureRate must be between 0 and 1");
        }
        if (latencyMs < 0 || latencyMs > 60_000) {
            throw new IllegalArgumentException("latencyMs must be between 0 and 60000");
        }
        if (permanentFailurePattern != null && permanentFailurePattern.isBlank()) {
            permanentFailurePattern = null;
        }
        if (permanentFailurePattern != null) {
            Pattern.compile(permanentFailurePattern); // fail on a bad regex when set, not on the next record
        }
    }

    public boolean injectsNothing() {
        return transientFailureRate == 0 && permanentFailurePattern == null && latencyMs == 0;
    }
}
