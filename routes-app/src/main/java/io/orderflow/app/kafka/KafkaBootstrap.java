package io.orderflow.app.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every Kafka client of the application reaches the cluster: the bootstrap servers (configured, or the
 * embedded broker's) and pass-through client settings such as SASL/SSL.
 */
public final class KafkaBootstrap implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final String servers;
    private final Map<String, String> clientProperties;
    private final CompletableFuture<EmbeddedKafkaBroker> embedded;

    /** @param embedded the embedded broker being started, null for a configured cluster */
    KafkaBootstrap(String servers, Map<String, String> clientProperties,
                   CompletableFuture<EmbeddedKafkaBroker> embedded) {
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

    /** Waits for the embedded broker to be up, if there is one; its start failure is this failure. */
    void awaitEmbeddedBroker(Duration timeout) {
        if (embedded == null) {
            return;
        }
        try {
            embedded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedded Kafka broker did not start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the embedded Kafka broker did not start within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the embedded Kafka broker started", e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                awaitEmbeddedBroker(CLOSE_WAIT);
            } catch (IllegalStateException e) {
                return; // it never started (or is still starting after that long): nothing to stop that we hold
            }
            embedded.join().close();
        }
    }
}
