package io.orderflow.reliability;

/** Per-stage tuning: how many Kafka consumers the stage runs and how it retries. */
public record StageSettings(int consumers, RetrySettings retry) {

    public static final StageSettings DEFAULT = new StageSettings(1, RetrySettings.DEFAULT);

    public StageSettings {
        if (consumers < 1) {
            throw new IllegalArgumentException("a stage needs at least one consumer");
        }
    }
}
