package io.orderflow.console.traffic;

/**
 * One topic at one sampling moment. {@code records} is end minus start offsets summed over partitions (what the
 * topic still holds); {@code ratePerSecond} is the growth of the end offsets over the last samples, NaN on the
 * first sample of a topic.
 */
public record TopicTraffic(String topic, int partitions, long endOffsets, long records, double ratePerSecond) {
}
