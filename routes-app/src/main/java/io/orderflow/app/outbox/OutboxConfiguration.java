package io.orderflow.app.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.app.InstanceId;
import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.kafka.KafkaBootstrap;
import io.orderflow.event.EventCodec;

/** The outbox relay, its producer and its metrics. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    /** The producer gives up on a record after this long; a relay round waits a little longer for the outcome. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    /** A dead letter is its original record plus failure headers: room for both beside Kafka's 1 MiB default. */
    static final int MAX_REQUEST_BYTES = 2 * 1024 * 1024;
    /**
     * The longest an acknowledged row waits for its removal: long enough for one removal to take the rounds of many
     * stage commits below saturation, short enough that the rows each round reads and skips stay few.
     */
    private static final Duration REMOVAL_INTERVAL = Duration.ofMillis(100);

    @Bean
    OutboxHeaders outboxHeaders(EventCodec codec) {
        return new OutboxHeaders(codec.mapper());
    }

    @Bean
    LiveInstances liveInstances(JdbcClient jdbc, Clock clock, OrderflowProperties properties) {
        return new LiveInstances(jdbc, clock, properties.outbox().leaseTtl());
    }

    @Bean
    OutboxRelay outboxRelay(OutboxRows rows, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                            KafkaBootstrap kafka, Clock clock, InstanceId instance, OrderflowProperties properties,
                            LiveInstances live, MeterRegistry registry) {
        OrderflowProperties.Outbox settings = properties.outbox();
        ShardLeases leases = new ShardLeases(jdbc, new TransactionTemplate(transactionManager), clock,
                instance.name(), settings.leaseTtl(), live);
        OutboxRelay relay = new OutboxRelay(rows, leases, new KafkaProducer<>(producerConfig(kafka)), clock,
                new OutboxRelay.Settings(settings.sweepInterval(), settings.batchSize(),
                        DELIVERY_TIMEOUT.plusSeconds(5), settings.leaseTtl().dividedBy(5), REMOVAL_INTERVAL));
        Gauge.builder("orderflow.outbox.depth", relay, r -> r.status().backlog().depth())
                .description("outbox rows waiting to be published").register(registry);
        Gauge.builder("orderflow.outbox.oldest.age.seconds", relay,
                        r -> r.status().backlog().oldest().toMillis() / 1000.0)
                .description("age of the oldest outbox row waiting to be published").register(registry);
        Gauge.builder("orderflow.outbox.parked", relay, r -> r.status().backlog().parked())
                .description("outbox rows the broker refused for good, kept for an operator").register(registry);
        return relay;
    }

    /** Starts the relay before the routes and stops it after them, so what they committed last is published. */
    @Bean
    SmartLifecycle outboxRelayLifecycle(OutboxRelay relay) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                relay.start();
            }

            @Override
            public void stop() {
                relay.stop(Duration.ofSeconds(10));
            }

            @Override
            public boolean isRunning() {
                return relay.isRunning();
            }

            @Override
            public int getPhase() {
                return 0; // below the web server's and Camel's phases: stops after both
            }
        };
    }

    /** The relay's producer: idempotent, acks=all, byte-exact keys, values and headers. */
    public static Map<String, Object> producerConfig(KafkaBootstrap kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "orderflow-outbox-relay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        // a send waits this long for metadata when the cluster is away, then the round ends and is retried
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
