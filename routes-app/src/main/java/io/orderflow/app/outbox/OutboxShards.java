package io.orderflow.app.outbox;

import org.apache.kafka.common.utils.Utils;

/**
 * The outbox is split into a fixed number of shards by record key, the same way Kafka's default partitioner
 * spreads keys: all records of one key (one order) are in one shard, which one relay publishes at a time, in the
 * order they were written. The number is fixed by the migration that creates the shards' lease rows.
 */
final class OutboxShards {

    static final int COUNT = 16;

    private OutboxShards() {
    }

    static int of(byte[] key, String topic) {
        byte[] hashed = key != null ? key : topic.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(hashed)) % COUNT;
    }
}
