package io.orderflow.console.traffic;

import java.time.Instant;
import java.util.List;

/** Every watched topic at one moment, sorted with the pipeline topics first. */
public record TrafficSample(Instant at, List<TopicTraffic> topics) {

    /** Messages per second into {@code topic}, NaN when unknown. */
    public double rate(String topic) {
        return topics.stream().filter(t -> t.topic().equals(topic)).mapToDouble(TopicTraffic::ratePerSecond)
                .findFirst().orElse(Double.NaN);
    }
}
