package io.orderflow.kafka;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Builds the camel-kafka endpoint URIs. The consumer options are the reliability contract of every stage
 * (see DESIGN.md): offsets are committed only by the route, synchronously, after the database transaction of the
 * records before them committed ({@link RouteCommitFactory}); a failure that could not even be dead-lettered makes the
 * consumer reconnect and poll again from the last committed offset.
 */
public final class KafkaUris {

    private KafkaUris() {
    }

    public static String consumer(String groupId, int consumersCount, Topic... topics) {
        return consumer(groupId, consumersCount, Arrays.stream(topics).map(Topic::topicName).toList());
    }

    public static String consumer(String groupId, int consumersCount, List<String> topicNames) {
        return "kafka:" + String.join(",", topicNames)
                + "?groupId=" + groupId
                + "&consumersCount=" + consumersCount
                + "&autoOffsetReset=earliest"
                + "&autoCommitEnable=false"
                + "&allowManualCommit=true"
                + "&breakOnFirstError=true"
                + "&maxPollRecords=50"
                // a crashed instance's partitions move to the restarted one after 10 s, not the default 45 s
                + "&sessionTimeoutMs=10000"
                // raw bytes in, so a payload that is not even text reaches the dead-letter topic unchanged
                + "&valueDeserializer=" + ByteArrayDeserializer.class.getName()
                + "&kafkaManualCommitFactory=#class:" + RouteCommitFactory.class.getName();
    }

    private static final String SAFE_PRODUCER = "requestRequiredAcks=all&enableIdempotence=true&recordMetadata=true";

    public static String producer(Topic topic) {
        return "kafka:" + topic.topicName() + "?" + SAFE_PRODUCER;
    }

    /** One producer for all dead-letter topics; each record names its topic in the override header. */
    public static String deadLetterProducer() {
        return "kafka:dead-letters?" + SAFE_PRODUCER + "&valueSerializer=" + ByteArraySerializer.class.getName();
    }

    /** Replays resend the dead letter's own bytes, key included, so they need the byte serializers. */
    public static String replayProducer() {
        return "kafka:replays?" + SAFE_PRODUCER + "&valueSerializer=" + ByteArraySerializer.class.getName()
                + "&keySerializer=" + ByteArraySerializer.class.getName();
    }
}
