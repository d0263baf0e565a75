package io.orderflow.console.route;

import java.util.Locale;
import java.util.function.Predicate;

import io.orderflow.console.api.RouteReport;

/**
 * Which routes the table shows: those whose id, endpoint or state contains {@code text}, of one stage (null: all),
 * and only those that failed since the app started when {@code failingOnly}. Case is ignored.
 */
record RouteFilter(String text, String stage, boolean failingOnly) implements Predicate<RouteReport.RouteStats> {

    static final String ALL_STAGES = "All stages";

    @Override
    public boolean test(RouteReport.RouteStats route) {
        if (stage != null && !ALL_STAGES.equals(stage) && !stage.equals(route.stage())) {
            return false;
        }
        if (failingOnly && route.exchangesFailed() + route.failuresHandled() == 0) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return contains(route.id(), wanted) || contains(route.from(), wanted) || contains(route.state(), wanted);
    }

    private static boolean contains(String candidate, String lowerNeedle) {
        return candidate != null && candidate.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
