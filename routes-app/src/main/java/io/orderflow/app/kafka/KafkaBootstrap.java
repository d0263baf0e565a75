package io.orderflow.app.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every Kafka client of the application reaches the cluster: the bootstrap servers (configured, or the
 * embedded broker's) and pass-through client settings such as SASL/SSL.
 */
public final class KafkaBootstrap implements AutoCloseable {

    private final String servers;
    private final Map<String, String> clientProperties;
    private final EmbeddedKafkaBroker embedded;

    KafkaBootstrap(String servers, Map<String, String> clientProperties, EmbeddedKafkaBroker embedded) {
        this.servers = servers;
        this.clientProperties = Map.copyOf(clientProperties);
        this.embedded = embedded;
    }

    public String servers() {
        return servers;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public Map<String, String> clientProperties() {
        return clientProperties;
    }

    /** Settings for a plain Kafka client (admin, consumer, producer) of this cluster. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
        return config;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
