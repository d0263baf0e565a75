package io.orderflow.app.route;

import java.util.Optional;

/**
 * Where {@code GET /api/routes} learns each stage's outbox depth and age, once the app has an outbox (the "Pipeline
 * core" work): a bean of this type, when present, fills {@link RouteReport.StageView#outbox()}; without one that
 * field is null, and clients show it as unknown.
 */
public interface OutboxReport {

    /** {@code oldestAgeSeconds} is null when the outbox is empty. */
    record Outbox(long depth, Long oldestAgeSeconds) {
    }

    Optional<Outbox> of(String stage);
}
