package io.orderflow.console.lag;

/**
 * One partition of one group, as the lag view shows it.
 *
 * @param lagMillis      age of the record at the committed offset (how far behind in time); 0 without lag, null
 *                       when that record could not be read
 * @param trend          change of the lag over the recent samples (positive: falling behind)
 * @param catchUpMillis  time to reach the end at the current rates; 0 when caught up, null when not catching up
 * @param owner          the group member assigned the partition, null when nobody is
 */
public record PartitionLag(String topic, int partition, long committed, long endOffset, long lag, Long lagMillis,
                           long trend, double consumeRate, double produceRate, Long catchUpMillis, String owner,
                           LagStatus status) {
}
