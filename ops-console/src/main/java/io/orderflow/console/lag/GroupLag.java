package io.orderflow.console.lag;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A consumer group at one sampling moment: its partitions and Burrow's verdict on the worst of them. */
public record GroupLag(String group, String state, int members, List<PartitionLag> partitions) {

    public long totalLag() {
        return partitions.stream().mapToLong(PartitionLag::lag).sum();
    }

    /** The oldest unconsumed record's age over all partitions, null when unknown for a lagging partition. */
    public Long maxLagMillis() {
        if (partitions.stream().anyMatch(p -> p.lagMillis() == null)) {
            return null;
        }
        return partitions.stream().mapToLong(PartitionLag::lagMillis).max().orElse(0);
    }

    /** The partition with the worst status, the larger lag breaking ties; null for a group without offsets. */
    public PartitionLag worst() {
        return partitions.stream()
                .max(Comparator.comparing(PartitionLag::status).thenComparingLong(PartitionLag::lag))
                .orElse(null);
    }

    public LagStatus status() {
        PartitionLag worst = worst();
        return worst == null ? LagStatus.OK : worst.status().asGroupStatus();
    }

    /** Records per second this group consumes from {@code topic}, from its committed-offset growth. */
    public double consumeRate(String topic) {
        return partitions.stream().filter(p -> Objects.equals(p.topic(), topic))
                .mapToDouble(PartitionLag::consumeRate).sum();
    }
}
