package io.orderflow.app.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.health.BackgroundProbe;

/**
 * Kafka for the whole application: an embedded broker unless brokers are configured, the Camel Kafka component
 * pointed at it, the topics created before any route starts, and its health.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaSetup {

    @Bean(destroyMethod = "close")
    KafkaBootstrap kafkaBootstrap(@Value("${camel.component.kafka.brokers:}") String configuredBrokers,
                                  OrderflowProperties properties) {
        if (StringUtils.hasText(configuredBrokers)) {
            return new KafkaBootstrap(configuredBrokers, properties.kafka().clientProperties(), null);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(properties.dataDir().resolve("kafka"),
                properties.kafka().embedded().port());
        return new KafkaBootstrap(broker.bootstrapServers(), properties.kafka().clientProperties(), broker);
    }

    @Bean
    ComponentCustomizer kafkaComponentCustomizer(KafkaBootstrap bootstrap) {
        // runs after the starter's customizer, which would otherwise set the (empty) configured brokers back
        return ComponentCustomizer.builder(KafkaComponent.class).withOrder(Ordered.LOWEST_PRECEDENCE).build(component -> {
            component.getConfiguration().setBrokers(bootstrap.servers());
            // SASL/SSL and other client settings reach the routes' consumers and producers too
            component.getConfiguration().getAdditionalProperties().putAll(bootstrap.clientProperties());
        });
    }

    @Bean(destroyMethod = "close")
    AdminClient kafkaAdmin(KafkaBootstrap bootstrap) {
        return AdminClient.create(bootstrap.clientConfig());
    }

    /** {@code /actuator/health} component "kafka": the cluster answered within 2 s, checked in the background. */
    @Bean("kafka")
    BackgroundProbe kafkaHealth(AdminClient admin, KafkaBootstrap bootstrap, Clock clock) {
        return new BackgroundProbe("the Kafka cluster", () -> {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
            int nodes = cluster.nodes().get(2, TimeUnit.SECONDS).size();
            return Map.of("bootstrapServers", bootstrap.servers(),
                    "embedded", bootstrap.isEmbedded(),
                    "clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS),
                    "nodes", nodes);
        }, Duration.ofSeconds(2), clock);
    }

    @Bean
    TopicInitializer topicInitializer(AdminClient admin, OrderflowProperties properties) {
        TopicInitializer initializer = new TopicInitializer(admin, properties.kafka().partitions(),
                properties.kafka().replicationFactor(), properties.kafka().minInsyncReplicas());
        initializer.createMissingTopics();
        return initializer;
    }
}
