package io.orderflow.app.kafka;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.orderflow.app.DaemonThreads;
import io.orderflow.app.OrderflowApplication;
import io.orderflow.app.OrderflowProperties;

/**
 * Starts the embedded broker (when no brokers are configured) as soon as the application's settings are known, before
 * the context creates its beans, on its own thread: the broker's seconds of start overlap the context's. Its address
 * is known, and Kafka clients are created, only once it is up ({@link KafkaBootstrap} waits): a start may move to
 * other ports ({@link EmbeddedKafkaBroker#start(Path, int)}), and a client created earlier would log failed
 * connections. A broker that fails to start fails the application's start. Registered in
 * {@code META-INF/spring.factories}, so it runs for every start of {@link OrderflowApplication}, the tests' included.
 */
public final class EmbeddedBrokerLauncher implements ApplicationListener<ApplicationPreparedEvent> {

    private static final String BEAN_NAME = "embeddedBrokerStart";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        if (!event.getSpringApplication().getAllSources().contains(OrderflowApplication.class)
                || StringUtils.hasText(environment.getProperty("camel.component.kafka.brokers"))) {
            return;
        }
        Binder binder = Binder.get(environment);
        int port = binder.bindOrCreate("orderflow.kafka.embedded", OrderflowProperties.Embedded.class).port();
        Path dataDir = binder.bind("orderflow.data-dir", Path.class)
                .orElseThrow(() -> new IllegalStateException("orderflow.data-dir is not set"))
                .resolve("kafka");
        CompletableFuture<EmbeddedKafkaBroker> broker = CompletableFuture.supplyAsync(
                () -> EmbeddedKafkaBroker.start(dataDir, port),
                task -> DaemonThreads.named("embedded-kafka-start").newThread(task).start());
        EmbeddedBrokerStart started = new EmbeddedBrokerStart(broker);
        // a registered singleton gets no destruction callback of its own: the broker stops with the context,
        // also when its start fails before any bean used it
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) event.getApplicationContext().getBeanFactory();
        beans.registerSingleton(BEAN_NAME, started);
        beans.registerDisposableBean(BEAN_NAME, started);
    }
}
