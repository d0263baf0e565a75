package io.orderflow.reliability;

import java.util.Map;
import java.util.function.Function;

import org.apache.camel.spi.IdempotentRepository;

import io.orderflow.event.EventCodec;

/**
 * What every stage route needs besides its own business logic. The application supplies database-backed
 * implementations; route unit tests supply in-memory ones.
 *
 * @param idempotentRepositories one repository per consumer (effect route id), persistent in the app
 */
public record StageContext(EventCodec codec,
                           FaultInjector faults,
                           ReliabilityMetrics metrics,
                           IgnoredEventLog ignoredEvents,
                           Function<String, IdempotentRepository> idempotentRepositories,
                           Map<String, StageSettings> settings) {

    public StageSettings settings(String stage) {
        return settings.getOrDefault(stage, StageSettings.DEFAULT);
    }
}
