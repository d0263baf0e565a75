package io.orderflow.app.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every Kafka client of the application reaches the cluster: the bootstrap servers (configured, or the
 * embedded broker's) and pass-through client settings such as SASL/SSL.
 */
public final class KafkaBootstrap {

    private static final Duration BROKER_START_TIMEOUT = Duration.ofMinutes(2);

    private final String configuredServers;
    private final Map<String, String> clientProperties;
    private final EmbeddedBrokerStart embedded;

    private KafkaBootstrap(String configuredServers, Map<String, String> clientProperties,
                           EmbeddedBrokerStart embedded) {
        this.configuredServers = configuredServers;
        this.clientProperties = Map.copyOf(clientProperties);
        this.embedded = embedded;
    }

    static KafkaBootstrap configured(String servers, Map<String, String> clientProperties) {
        return new KafkaBootstrap(servers, clientProperties, null);
    }

    static KafkaBootstrap embedded(EmbeddedBrokerStart broker, Map<String, String> clientProperties) {
        return new KafkaBootstrap(null, clientProperties, broker);
    }

    /** The bootstrap servers; the embedded broker's are known once it is up, so this waits (bounded) for it. */
    public String servers() {
        return embedded != null ? embedded.await(BROKER_START_TIMEOUT).bootstrapServers() : configuredServers;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public Map<String, String> clientProperties() {
        return clientProperties;
    }

    /**
     * Settings for a plain Kafka client (admin, consumer, producer) of this cluster. With the embedded broker this
     * waits (bounded) until it is up: a client created earlier would log failed connections while it starts.
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers());
        return config;
    }
}
