package io.orderflow.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.orderflow.contract.ConsumerGroup;

/** How far the application's consumer groups are behind the end of the topics they read. */
final class GroupLag {

    /** Every consumer group the application owns: the four stages and the dead-letter index. */
    static final List<String> GROUPS = ConsumerGroup.groupIds();

    private GroupLag() {
    }

    /** Records not yet committed, summed over every group and partition. */
    static long total(AdminClient admin) throws Exception {
        long lag = 0;
        for (ConsumerGroup group : ConsumerGroup.values()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicPartition tp : partitionsReadBy(admin, group)) {
                latest.put(tp, OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            for (var entry : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(entry.getKey());
                lag += entry.getValue().offset() - (done == null ? 0 : done.offset());
            }
        }
        return lag;
    }

    private static Set<TopicPartition> partitionsReadBy(AdminClient admin, ConsumerGroup group) throws Exception {
        var described = admin.describeTopics(group.topics()).allTopicNames().get(10, TimeUnit.SECONDS);
        return described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
    }
}
