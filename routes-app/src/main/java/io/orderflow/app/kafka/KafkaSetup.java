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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
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

    @Bean
    KafkaBootstrap kafkaBootstrap(@Value("${camel.component.kafka.brokers:}") String configuredBrokers,
                                  OrderflowProperties properties, ObjectProvider<EmbeddedBrokerStart> embedded) {
        if (StringUtils.hasText(configuredBrokers)) {
            return KafkaBootstrap.configured(configuredBrokers, properties.kafka().clientProperties());
        }
        EmbeddedBrokerStart broker = embedded.getObject(); // started before the context by EmbeddedBrokerLauncher
        return KafkaBootstrap.embedded(broker, properties.kafka().clientProperties());
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
        return new TopicInitializer(admin, properties.kafka().partitions(), properties.kafka().replicationFactor(),
                properties.kafka().minInsyncReplicas());
    }

    /**
     * Sets the topics up first thing when the context starts, once the beans exist (the admin client was created
     * once the embedded broker, if any, was up): before the relay, and before Camel, which starts its routes after
     * every lifecycle bean has started.
     */
    @Bean
    SmartLifecycle topicSetup(TopicInitializer topics) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                topics.createMissingTopics();
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MIN_VALUE;
            }
        };
    }
}
