package io.orderflow.console.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Creates the console's Kafka clients. Every call that waits on the broker is bounded by short timeouts, so an
 * unreachable cluster costs a sampling round a few seconds rather than the client defaults of a minute, and the
 * console notices and reports it quickly. Consumers never join a group: the console only reads, and must not show
 * up as a consumer (or move offsets) in the cluster it watches. The operator's client properties (security and the
 * like) apply to every client; the console's own settings above are applied over them, so no property file can
 * make the console commit offsets or wait for minutes.
 */
public final class KafkaClients implements AutoCloseable {

    private static final int REQUEST_TIMEOUT_MS = 4_000;
    static final int API_TIMEOUT_MS = 5_000;

    private final String bootstrapServers;
    private final Map<String, String> properties;
    private final AtomicInteger clientIds = new AtomicInteger();
    private Admin admin;

    public KafkaClients(String bootstrapServers, Map<String, String> properties) {
        this.bootstrapServers = bootstrapServers;
        this.properties = Map.copyOf(properties);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The shared admin client, created on first use: creation itself fails while the bootstrap host does not
     * resolve, and the next sampling round simply tries again.
     */
    public synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = common("admin");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
            admin = Admin.create(config);
        }
        return admin;
    }

    /** A consumer without a group, for assign-and-seek reads. The caller owns (and closes) it. */
    public KafkaConsumer<byte[], byte[]> consumer(String purpose, int maxPollRecords) {
        Map<String, Object> config = common(purpose);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // looking at a topic must never create it
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> common(String purpose) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "orderflow-console-" + purpose + "-" + clientIds.incrementAndGet());
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        return config;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }
}
