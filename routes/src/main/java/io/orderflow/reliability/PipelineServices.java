package io.orderflow.reliability;

import java.util.Map;
import java.util.function.Function;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Policy;

import io.orderflow.event.EventCodec;

/**
 * What every stage route needs besides its own business logic. The application supplies database-backed
 * implementations; route unit tests supply in-memory ones.
 *
 * @param idempotentRepositories one repository per consumer (effect route id), persistent in the app
 * @param transactions           the database transaction each poll batch runs in
 * @param effectTransaction      runs each effect in a transaction nested in the batch's (a savepoint), so a failed
 *                               attempt undoes only its own record
 * @param instanceId             names this application instance in its Kafka client ids, so the consumer group's
 *                               members tell which instance they belong to
 */
public record PipelineServices(EventCodec codec,
                               ReliabilityMetrics metrics,
                               IgnoredEventLog ignoredEvents,
                               Function<String, IdempotentRepository> idempotentRepositories,
                               Map<String, StageSettings> settings,
                               BatchTransactions transactions,
                               Policy effectTransaction,
                               String instanceId) {

    /** A failed batch is read again after 0.5 s, doubling up to 10 s while the database stays away. */
    private static final long BACKOFF_INITIAL_MS = 500;
    private static final long BACKOFF_MAX_MS = 10_000;

    public StageSettings settings(String stage) {
        StageSettings configured = settings.get(stage);
        return configured != null ? configured : StageSettings.defaults(stage);
    }

    public String clientId(String consumerGroup) {
        return consumerGroup + "-" + instanceId;
    }

    public BatchBackoff backoff() {
        return new BatchBackoff(BACKOFF_INITIAL_MS, BACKOFF_MAX_MS);
    }
}
