package io.orderflow.reliability;

import io.orderflow.kafka.KafkaUris;
import io.orderflow.pipeline.Stage;

/**
 * Per-stage tuning: how many Kafka consumers the stage runs, how long its consumer gathers a batch
 * ({@link KafkaUris#STAGE_BATCH_WAIT_MS}) and how it retries.
 */
public record StageSettings(int consumers, int batchWaitMs, RetrySettings retry) {

    /** The settings of a stage nobody configured: its default consumers, batch wait and retries. */
    public static StageSettings defaults(String stage) {
        return new StageSettings(Stage.of(stage).defaultConsumers(), KafkaUris.STAGE_BATCH_WAIT_MS,
                RetrySettings.DEFAULT);
    }

    public StageSettings {
        if (consumers < 1) {
            throw new IllegalArgumentException("a stage needs at least one consumer");
        }
        if (batchWaitMs < 1) {
            throw new IllegalArgumentException("a stage's batch wait must be at least 1 ms, not " + batchWaitMs);
        }
    }
}
