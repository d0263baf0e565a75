package io.orderflow.console.api;

import java.util.Locale;

/** What an operator can do to a route; each is an admin action the app audits. */
public enum RouteAction {
    STOP, SUSPEND, START, RESUME;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The result of a route action: the route's state before and after. */
    public record Outcome(String routeId, String before, String after) {
    }
}
