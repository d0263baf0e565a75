package io.orderflow.console.api;

import java.util.List;

/** {@code GET /api/routes}: the app's Camel routes with their statistics, and per stage its outbox when reported. */
public record RouteReport(String at, List<RouteStats> routes, List<StageOutbox> stages) {

    /** One route; {@code stage} is null for routes outside the pipeline's stages (API, dead-letter index). */
    public record RouteStats(String id, String stage, String from, String state, long uptimeMillis,
                             long exchangesTotal, long exchangesFailed, long failuresHandled, long exchangesInflight,
                             long redeliveries, long meanProcessingMillis, long maxProcessingMillis,
                             long lastProcessingMillis, String lastFailureAt, String lastFailureMessage) {
    }

    /** {@code outbox} is null while the app does not report one. */
    public record StageOutbox(String stage, Outbox outbox) {
    }

    public record Outbox(long depth, Long oldestAgeSeconds) {
    }
}
