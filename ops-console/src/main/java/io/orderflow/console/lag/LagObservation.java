package io.orderflow.console.lag;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * What one sampling round read from the cluster, before any judgement: per group its committed offsets and which
 * member owns which partition, the end offsets, and the timestamps of the records at the committed offsets of
 * lagging partitions.
 */
record LagObservation(long atMillis, List<Group> groups, Map<TopicPartition, Long> endOffsets,
                      Map<CommittedRecordTimes.Position, Long> committedRecordTimestamps) {

    record Group(String id, String state, int members, Map<TopicPartition, Long> committed,
                 Map<TopicPartition, String> owners) {
    }
}
