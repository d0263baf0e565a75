package io.orderflow.app.route;

import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.RouteController;
import org.springframework.stereotype.Component;

import io.orderflow.app.deadletter.AuditLog;

/**
 * Stops, suspends, starts and resumes routes, each audited with who did it and the state before and after. A stop
 * or suspend waits at most {@link #GRACE} for exchanges in flight, then forces it, so the request always returns.
 */
@Component
public class RouteControl {

    public enum Action {
        STOP(AuditLog.Action.ROUTE_STOP), SUSPEND(AuditLog.Action.ROUTE_SUSPEND),
        START(AuditLog.Action.ROUTE_START), RESUME(AuditLog.Action.ROUTE_RESUME);

        private final AuditLog.Action audited;

        Action(AuditLog.Action audited) {
            this.audited = audited;
        }
    }

    public record Outcome(String routeId, String before, String after) {
    }

    static final long GRACE = 10;

    private final CamelContext camel;
    private final AuditLog audit;

    public RouteControl(CamelContext camel, AuditLog audit) {
        this.camel = camel;
        this.audit = audit;
    }

    public Outcome apply(String routeId, Action action, String actor) throws Exception {
        RouteController routes = camel.getRouteController();
        String before = String.valueOf(routes.getRouteStatus(routeId));
        try {
            switch (action) {
                case STOP -> routes.stopRoute(routeId, GRACE, TimeUnit.SECONDS);
                case SUSPEND -> routes.suspendRoute(routeId, GRACE, TimeUnit.SECONDS);
                case START -> routes.startRoute(routeId);
                case RESUME -> routes.resumeRoute(routeId);
            }
        } catch (Exception e) {
            audit.record(actor, action.audited, null, "FAILED", "route " + routeId + ": " + e.getMessage());
            throw e;
        }
        String after = String.valueOf(routes.getRouteStatus(routeId));
        audit.record(actor, action.audited, null, "OK", "route " + routeId + ": " + before + " → " + after);
        return new Outcome(routeId, before, after);
    }
}
