package io.orderflow.console.lag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.orderflow.console.kafka.KafkaClients;
import io.orderflow.console.kafka.Offsets;

/**
 * Reads every consumer group's committed offsets, members and the partitions' end offsets, the same two numbers
 * Kafka's own tools subtract (listConsumerGroupOffsets, then listOffsets latest), and hands them to the tracker.
 * Runs on one background thread.
 */
public final class LagSampler implements AutoCloseable {

    private final KafkaClients clients;
    private final CommittedRecordTimes recordTimes;
    private final LagTracker tracker;

    public LagSampler(KafkaClients clients, int windowSize) {
        this.clients = clients;
        this.recordTimes = new CommittedRecordTimes(clients);
        this.tracker = new LagTracker(windowSize);
    }

    public LagReport sample() throws ExecutionException, InterruptedException {
        Admin admin = clients.admin();
        List<String> ids = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .sorted().toList();
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        ids.forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets =
                ids.isEmpty() ? Map.of() : admin.listConsumerGroupOffsets(specs).all().get();
        Map<String, ConsumerGroupDescription> descriptions =
                ids.isEmpty() ? Map.of() : admin.describeConsumerGroups(ids).all().get();

        List<LagObservation.Group> groups = new ArrayList<>();
        Set<TopicPartition> partitions = new HashSet<>();
        for (String id : ids) {
            Map<TopicPartition, Long> committed = committedOffsets(offsets.getOrDefault(id, Map.of()));
            partitions.addAll(committed.keySet());
            ConsumerGroupDescription description = descriptions.get(id);
            groups.add(new LagObservation.Group(id,
                    description == null ? "UNKNOWN" : description.state().toString(),
                    description == null ? 0 : description.members().size(),
                    committed, owners(description == null ? List.of() : description.members())));
        }
        Map<TopicPartition, Long> ends = Offsets.latest(admin, partitions);
        long atMillis = System.currentTimeMillis();

        Set<CommittedRecordTimes.Position> lagging = new HashSet<>();
        groups.forEach(g -> g.committed().forEach((tp, offset) -> {
            if (ends.containsKey(tp) && ends.get(tp) > offset) {
                lagging.add(new CommittedRecordTimes.Position(tp, offset));
            }
        }));
        return tracker.update(new LagObservation(atMillis, groups, ends, recordTimes.at(lagging)));
    }

    private static Map<TopicPartition, Long> committedOffsets(Map<TopicPartition, OffsetAndMetadata> raw) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        raw.forEach((tp, offset) -> {
            if (offset != null) {
                committed.put(tp, offset.offset());
            }
        });
        return committed;
    }

    private static Map<TopicPartition, String> owners(Collection<MemberDescription> members) {
        Map<TopicPartition, String> owners = new HashMap<>();
        for (MemberDescription member : members) {
            member.assignment().topicPartitions()
                    .forEach(tp -> owners.put(tp, member.clientId() + " " + member.host()));
        }
        return owners;
    }

    @Override
    public void close() {
        recordTimes.close();
    }
}
