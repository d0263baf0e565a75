package io.orderflow.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.orderflow.app.OrderflowApplication;
import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.kafka.KafkaBootstrap;
import io.orderflow.app.outbox.OutboxConfiguration;
import io.orderflow.event.EventCodec;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.order.Order;
import io.orderflow.order.OrderBook;
import io.orderflow.order.OrderStatus;
import io.orderflow.reliability.IgnoredReason;

/**
 * The real application (embedded broker, Camel routes, H2 file database) started inside the benchmark JVM, so the
 * benchmark can prepare order rows through the application's own {@link OrderBook} and see the moment each order
 * is DELIVERED (see {@link DeliveredNotifier}).
 */
final class InProcessApp implements AutoCloseable {

    static final List<OrderLine> ITEMS = List.of(new OrderLine("bench-product", 1, new BigDecimal("12.50")));
    static final String CUSTOMER = "bench-customer";

    private final ConfigurableApplicationContext context;
    private final DeliveredNotifier notifier;
    private final long startupMs;

    private InProcessApp(ConfigurableApplicationContext context, DeliveredNotifier notifier, long startupMs) {
        this.context = context;
        this.notifier = notifier;
        this.startupMs = startupMs;
    }

    static InProcessApp start(Path dataDir, Path loggingConfig, List<String> appArgs) {
        long started = System.nanoTime();
        DeliveredNotifier notifier = new DeliveredNotifier();
        SpringApplication app = new SpringApplication(OrderflowApplication.class);
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("benchDeliveredNotifier", notifier));
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--orderflow.kafka.embedded.port=0",
                "--orderflow.data-dir=" + dataDir.toAbsolutePath(),
                "--spring.main.banner-mode=off"));
        args.addAll(appArgs);
        if (loggingConfig != null) {
            args.add("--logging.config=" + loggingConfig.toAbsolutePath().toUri());
        }
        ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
        return new InProcessApp(context, notifier, (System.nanoTime() - started) / 1_000_000);
    }

    long startupMs() {
        return startupMs;
    }

    DeliveredNotifier notifier() {
        return notifier;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    EventCodec codec() {
        return bean(EventCodec.class);
    }

    int httpPort() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    Map<String, Object> clientConfig() {
        return bean(KafkaBootstrap.class).clientConfig();
    }

    OrderflowProperties properties() {
        return bean(OrderflowProperties.class);
    }

    /** Exactly the producer settings the outbox relay publishes with (acks, idempotence, linger, ...). */
    Properties producerProperties() {
        Properties props = new Properties();
        props.putAll(OutboxConfiguration.producerConfig(bean(KafkaBootstrap.class)));
        return props;
    }

    /** Exactly the consumer settings of a stage's Kafka route (max.poll.records, no auto commit, ...). */
    Properties consumerProperties(String routeId) {
        CamelContext camel = bean(CamelContext.class);
        KafkaEndpoint endpoint = (KafkaEndpoint) camel.getRoute(routeId).getEndpoint();
        Properties props = endpoint.getConfiguration().createConsumerProperties();
        props.putAll(clientConfig());
        return props;
    }

    /** The order rows the order stage needs, written with the application's own repository, before a run. */
    void insertOrders(RunTracker run) {
        OrderBook orders = bean(OrderBook.class);
        TransactionTemplate tx = new TransactionTemplate(bean(PlatformTransactionManager.class));
        BigDecimal total = Order.totalOf(ITEMS);
        Instant now = Instant.now();
        int chunk = 1000;
        for (int from = 0; from < run.size(); from += chunk) {
            int start = from;
            int end = Math.min(run.size(), from + chunk);
            tx.executeWithoutResult(status -> {
                for (int i = start; i < end; i++) {
                    orders.insert(new Order(run.orderId(i), CUSTOMER, ITEMS, total, OrderStatus.CREATED, now,
                            "bench-" + run.run()));
                }
            });
        }
    }

    /** How many of a run's orders the database holds as DELIVERED. */
    long countDelivered(RunTracker run) {
        return bean(JdbcClient.class)
                .sql("select count(*) from orders where order_id like ? and status = ?")
                .params(run.idPrefix() + "%", OrderStatus.DELIVERED.name())
                .query(Long.class)
                .single();
    }

    /**
     * Status events the order stage has read before their prerequisite (each waited, and was applied with it, at
     * about twice an ordinary event's statements), since the application started.
     */
    long earlyStatusEvents() {
        return bean(JdbcClient.class)
                .sql("select count(*) from ignored_events where reason = ?")
                .param(IgnoredReason.EARLY.name())
                .query(Long.class)
                .single();
    }

    /** H2 settings and counters (WRITE_DELAY, info.FILE_WRITE, ...); empty on another database. */
    Map<String, String> databaseSettings() {
        try {
            Map<String, String> out = new java.util.TreeMap<>();
            bean(JdbcClient.class).sql("select setting_name, setting_value from information_schema.settings "
                    + "where setting_name in ('WRITE_DELAY', 'RETENTION_TIME', 'info.FILE_WRITE', "
                    + "'info.FILE_WRITE_BYTES', 'info.FILE_SIZE', 'info.CHUNK_COUNT', 'info.CHUNKS_FILL_RATE')")
                    .query(rs -> {
                        out.put(rs.getString(1), rs.getString(2));
                    });
            return out;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
