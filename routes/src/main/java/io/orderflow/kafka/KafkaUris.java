package io.orderflow.kafka;

import java.util.Arrays;
import java.util.List;

import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Builds the camel-kafka endpoint URIs. The consumer options are the reliability contract of every consuming route
 * (see {@link io.orderflow.reliability.TransactionalBatch}): batches of records, offsets committed only by the route
 * after the batch's database transaction committed, and a batch that failed is read again from the last committed
 * offset.
 */
public final class KafkaUris {

    /** Records per batch: also the consumer's max.poll.records. */
    public static final int BATCH_RECORDS = 100;
    /**
     * camel-kafka's batching consumer hands a batch over when it is full, when a poll came back empty after this
     * long, or this long after the previous batch: a lone record waits about this long on every hop, and an idle
     * consumer polls this often.
     */
    public static final int BATCH_WAIT_MS = 10;

    private KafkaUris() {
    }

    public static String batchConsumer(String groupId, String clientId, int consumersCount, Topic... topics) {
        return batchConsumer(groupId, clientId, consumersCount, Arrays.stream(topics).map(Topic::topicName).toList());
    }

    public static String batchConsumer(String groupId, String clientId, int consumersCount, List<String> topicNames) {
        return "kafka:" + String.join(",", topicNames)
                + "?groupId=" + groupId
                + "&clientId=" + clientId
                + "&consumersCount=" + consumersCount
                + "&autoOffsetReset=earliest"
                + "&batching=true"
                + "&maxPollRecords=" + BATCH_RECORDS
                + "&pollTimeoutMs=" + BATCH_WAIT_MS
                + "&batchingIntervalMs=" + BATCH_WAIT_MS
                + "&autoCommitEnable=false"
                + "&allowManualCommit=true"
                // the sync commit manager: in batching mode it commits nothing by itself (with auto commit off), and
                // a record's KafkaManualCommit commits its partition synchronously, with the commit timeout
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

    /** Replays resend original bytes, so they need the byte serializer too. */
    public static String replayProducer() {
        // keys as bytes too: a dead letter's key is replayed exactly as it was read, valid UTF-8 or not
        return "kafka:replays?" + SAFE_PRODUCER + "&keySerializer=" + ByteArraySerializer.class.getName()
                + "&valueSerializer=" + ByteArraySerializer.class.getName();
    }
}
