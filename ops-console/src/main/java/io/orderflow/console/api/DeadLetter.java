package io.orderflow.console.api;

import java.util.Map;

/** One indexed dead letter as the app returns it; its id is {@code <dlt topic>/<partition>/<offset>}. */
public record DeadLetter(String id, String dltTopic, Integer dltPartition, Long dltOffset, String originalTopic,
                         Integer originalPartition, Long originalOffset, String originalTimestamp,
                         String consumerGroup, String routeId, String exceptionClass, String exceptionMessage,
                         String stacktrace, Integer attempts, String failedAt, String key, String orderId,
                         String eventType, String payload, Map<String, String> headers, String state,
                         Integer replayCount, String resolution) {
}
