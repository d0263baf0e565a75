package io.orderflow.app.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import io.orderflow.app.health.BackgroundProbe;

/**
 * {@code /actuator/health} component "kafka": up when the cluster answered within two seconds at its last check,
 * checked in the background (see {@link BackgroundProbe}).
 */
@Component("kafka")
public class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private final BackgroundProbe probe;

    public KafkaHealthIndicator(AdminClient admin, KafkaBootstrap bootstrap, Clock clock) {
        this.probe = new BackgroundProbe("the Kafka cluster", () -> {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
            int nodes = cluster.nodes().get(2, TimeUnit.SECONDS).size();
            return Map.of("bootstrapServers", bootstrap.servers(),
                    "embedded", bootstrap.isEmbedded(),
                    "clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS),
                    "nodes", nodes);
        }, Duration.ofSeconds(2), clock);
    }

    @Override
    public Health health() {
        return probe.health();
    }

    @Override
    public void close() {
        probe.close();
    }
}
