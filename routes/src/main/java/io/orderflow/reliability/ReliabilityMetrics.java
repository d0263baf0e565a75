package io.orderflow.reliability;

/** What the reliability kit counts; the application backs it with Micrometer. */
public interface ReliabilityMetrics {

    ReliabilityMetrics NONE = new ReliabilityMetrics() {
    };

    default void retried(String routeId, String topic) {
    }

    default void deadLettered(String routeId, String topic) {
    }

    default void ignored(String routeId, String topic, IgnoredReason reason) {
    }
}
