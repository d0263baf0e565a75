package io.orderflow.app.deadletter;

import java.time.Instant;
import java.util.Map;

/** One dead-letter record as indexed from its DLT, with what operators did about it. */
public record DeadLetter(String id, String dltTopic, int dltPartition, long dltOffset,
                         String originalTopic, Integer originalPartition, Long originalOffset,
                         Instant originalTimestamp, String consumerGroup, String routeId,
                         String exceptionClass, String exceptionMessage, String stacktrace, Integer attempts,
                         Instant failedAt, String key, String orderId, String eventType, String payload,
                         Map<String, String> headers, int replayCount, State state, String resolution,
                         String resolvedBy, Instant resolvedAt) {

    public enum State { PENDING, REPLAYED, DISCARDED }

    public static String idOf(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }
}
