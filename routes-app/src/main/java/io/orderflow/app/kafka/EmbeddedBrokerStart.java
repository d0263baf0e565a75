package io.orderflow.app.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded broker being started by {@link EmbeddedBrokerLauncher}: waiting for it, and stopping it with the
 * context.
 */
final class EmbeddedBrokerStart implements DisposableBean {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final CompletableFuture<EmbeddedKafkaBroker> broker;

    EmbeddedBrokerStart(CompletableFuture<EmbeddedKafkaBroker> broker) {
        this.broker = broker;
    }

    /** Waits for the broker to be up; its start failure is this failure. */
    EmbeddedKafkaBroker await(Duration timeout) {
        try {
            return broker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
    public void destroy() {
        EmbeddedKafkaBroker started;
        try {
            started = await(CLOSE_WAIT);
        } catch (IllegalStateException e) {
            return; // it never started (or is still starting after that long): nothing we hold to stop
        }
        started.close();
    }
}
