package io.orderflow.kafka;

import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.orderflow.contract.ConsumerGroup;

/**
 * Builds the camel-kafka endpoint URIs. The consumer options are the reliability contract of every consuming route:
 * batches of raw records, offsets committed only by the route once the batch's database transaction committed, and a
 * batch that failed read again from the last committed offsets.
 */
public final class KafkaUris {

    /** Records per batch: also the consumer's max.poll.records. */
    public static final int BATCH_RECORDS = 100;
    /**
     * How long a stage's batching consumer waits before it hands over a batch that is not full, unless the stage's
     * {@code batch-wait-ms} setting says otherwise. camel-kafka hands a batch over when it is full, or on the first
     * poll that comes back empty after this long (or this long after the previous batch): a lone record waits about
     * this long on every hop of its order, and an idle consumer polls this often.
     * <p>
     * A batch costs a transaction (on H2 a commit writes every page the batch changed), an offset commit and a relay
     * round whatever its size, so below saturation the wait decides the cost per order. Only the first stage sees a
     * backlog; the stages after it receive events at the pipeline's own pace and, with a short wait, run batches of
     * a record or two. 20 ms is where a steady 500 orders/s leaves the two cores room for a backlog; a shorter wait
     * buys latency with CPU (docs/benchmark.md, fourteenth step).
     */
    public static final int STAGE_BATCH_WAIT_MS = 20;

    private KafkaUris() {
    }

    /** A batching consumer in {@code group}, reading the topics the group reads; see {@link #STAGE_BATCH_WAIT_MS}. */
    public static String batchConsumer(ConsumerGroup group, String clientId, int consumersCount, int batchWaitMs) {
        return "kafka:" + String.join(",", group.topics())
                + "?groupId=" + group.groupId()
                + "&clientId=" + clientId
                + "&consumersCount=" + consumersCount
                + "&autoOffsetReset=earliest"
                + "&batching=true"
                + "&maxPollRecords=" + BATCH_RECORDS
                + "&pollTimeoutMs=" + batchWaitMs
                + "&batchingIntervalMs=" + batchWaitMs
                + "&autoCommitEnable=false"
                + "&allowManualCommit=true"
                // with auto commit off, this factory's commit manager commits nothing by itself in batching mode; the
                // route takes the consumer from a record's KafkaManualCommit and commits the whole batch's offsets in
                // one synchronous request, bounded by the commit timeout
                + "&kafkaManualCommitFactory=#class:" + DefaultKafkaManualCommitFactory.class.getName()
                + "&breakOnFirstError=true"
                // a crashed instance's partitions move to the restarted one after 10 s, not the default 45 s
                + "&sessionTimeoutMs=10000"
                // a stopping consumer waits this long for its batch, then is woken (and its thread interrupted)
                + "&shutdownTimeout=5000"
                // raw bytes in, so a payload that is not even text reaches the dead-letter topic unchanged
                + "&keyDeserializer=" + ByteArrayDeserializer.class.getName()
                + "&valueDeserializer=" + ByteArrayDeserializer.class.getName();
    }

    private static final String SAFE_PRODUCER = "requestRequiredAcks=all&enableIdempotence=true&recordMetadata=true";

    /** Replays resend the dead letter's own bytes, key included, so they need the byte serializers. */
    public static String replayProducer() {
        return "kafka:replays?" + SAFE_PRODUCER + "&valueSerializer=" + ByteArraySerializer.class.getName()
                + "&keySerializer=" + ByteArraySerializer.class.getName();
    }
}
