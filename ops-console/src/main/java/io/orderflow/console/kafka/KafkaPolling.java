package io.orderflow.console.kafka;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;

import io.orderflow.console.background.Feed;
import io.orderflow.console.background.Reachability;

/**
 * Runs one sampling round against the cluster: publishes the result, or marks the cluster unreachable with a
 * reason an operator can read. The next round is the reconnect attempt; Kafka clients reconnect by themselves.
 */
public final class KafkaPolling {

    private KafkaPolling() {
    }

    public static <T> Runnable into(Feed<T> feed, Reachability kafka, Callable<T> sample) {
        return () -> {
            try {
                T value = sample.call();
                kafka.up("connected");
                feed.publish(value);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                kafka.down(describe(e));
            }
        };
    }

    /** The innermost useful message: admin futures wrap the real cause in ExecutionException. */
    public static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause.getCause() instanceof KafkaException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return "no broker answered within " + KafkaClients.API_TIMEOUT_MS / 1000 + " s";
        }
        if (cause instanceof AuthenticationException) {
            return "the cluster refused the console's credentials (check --kafka-config and --kafka-property): "
                    + cause.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
