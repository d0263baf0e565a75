package io.orderflow.app.metrics;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import io.orderflow.reliability.IgnoredReason;
import io.orderflow.reliability.ReliabilityMetrics;

/** Reliability counters on /actuator/prometheus, tagged by route and source topic. */
@Component
public class MicrometerReliabilityMetrics implements ReliabilityMetrics {

    private final MeterRegistry registry;

    public MicrometerReliabilityMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void retried(String routeId, String topic) {
        count("orderflow.retries", routeId, topic);
    }

    @Override
    public void deadLettered(String routeId, String topic) {
        count("orderflow.dead.lettered", routeId, topic);
    }

    @Override
    public void ignored(String routeId, String topic, IgnoredReason reason) {
        registry.counter("orderflow.events.ignored", "route", routeId, "topic", topic,
                "reason", reason.name().toLowerCase()).increment();
    }

    public void replayed(String topic) {
        registry.counter("orderflow.dead.letters.replayed", "topic", topic).increment();
    }

    public void discarded(String topic) {
        registry.counter("orderflow.dead.letters.discarded", "topic", topic).increment();
    }

    private void count(String name, String routeId, String topic) {
        registry.counter(name, "route", String.valueOf(routeId), "topic", String.valueOf(topic)).increment();
    }
}
