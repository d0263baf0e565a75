package io.orderflow.reliability;

import io.orderflow.pipeline.Stage;

/** Per-stage tuning: how many Kafka consumers the stage runs and how it retries. */
public record StageSettings(int consumers, RetrySettings retry) {

    /** The settings of a stage nobody configured: its default consumers and the default retries. */
    public static StageSettings defaults(String stage) {
        return new StageSettings(Stage.of(stage).defaultConsumers(), RetrySettings.DEFAULT);
    }

    public StageSettings {
        if (consumers < 1) {
            throw new IllegalArgumentException("a stage needs at least one consumer");
        }
    }
}
