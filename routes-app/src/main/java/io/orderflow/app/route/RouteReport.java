package io.orderflow.app.route;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/routes}: every Camel route with its statistics, and per stage what the routes alone do not say.
 *
 * @param routes sorted by route id
 * @param stages the pipeline's stages in flow order
 */
public record RouteReport(Instant at, List<RouteView> routes, List<StageView> stages) {

    /**
     * One route as Camel's management statistics count it since the app started (or the route was last started).
     *
     * @param stage            the pipeline stage the route belongs to, null for the API and infrastructure routes
     * @param from             the endpoint it consumes, without options
     * @param exchangesFailed  exchanges that ended with an unhandled error
     * @param failuresHandled  exchanges whose error was handled, e.g. by the dead-letter channel
     * @param lastFailureMessage the latest failure's exception, null until one happened since the app started
     */
    public record RouteView(String id, String stage, String from, String state, long uptimeMillis,
                            long exchangesTotal, long exchangesFailed, long failuresHandled, long exchangesInflight,
                            long redeliveries, long meanProcessingMillis, long maxProcessingMillis,
                            long lastProcessingMillis, Instant lastFailureAt, String lastFailureMessage) {
    }

    /** @param outbox null while the app does not report its outbox (see {@link OutboxReport}) */
    public record StageView(String stage, OutboxReport.Outbox outbox) {
    }
}
