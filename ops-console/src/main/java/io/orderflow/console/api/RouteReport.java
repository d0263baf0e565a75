package io.orderflow.console.api;

import io.orderflow.console.ui.Format;

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

    /** Events the stage committed that the app's outbox relay has not published yet. */
    public record Outbox(long depth, Long oldestAgeSeconds) {

        /** "0", or "12 · oldest 3 s": how many wait, and for how long the oldest has. */
        public static String describe(Outbox outbox) {
            if (outbox == null) {
                return Format.NONE;
            }
            return Format.count(outbox.depth()) + (outbox.oldestAgeSeconds() == null ? ""
                    : " · oldest " + Format.millis(outbox.oldestAgeSeconds() * 1000));
        }
    }
}
