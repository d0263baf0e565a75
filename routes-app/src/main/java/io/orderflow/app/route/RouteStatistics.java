package io.orderflow.app.route;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.orderflow.pipeline.Stage;

/**
 * Reads every route's statistics from Camel's own management layer (camel-management, JMX on), the numbers hawtio
 * shows, and adds the latest failure's message and the stage a route belongs to.
 */
@Component
public class RouteStatistics {

    /** The cart's REST routes, reported as a stage of their own before the pipeline's (no consumer group runs them). */
    static final String CART = "cart";
    /** The pipeline's stages in flow order; a route belongs to the stage its id starts with. */
    static final List<String> STAGES = Stream.concat(Stream.of(CART), Stage.ids().stream()).toList();

    private final CamelContext camel;
    private final RouteFailures failures;
    private final ObjectProvider<OutboxReport> outboxes;
    private final Clock clock;

    public RouteStatistics(CamelContext camel, RouteFailures failures, ObjectProvider<OutboxReport> outboxes,
                           Clock clock) {
        this.camel = camel;
        this.failures = failures;
        this.outboxes = outboxes;
        this.clock = clock;
    }

    /** Empty when Camel's management is off (no camel-management, or JMX disabled): there are no statistics. */
    public Optional<RouteReport> report() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        if (managed == null) {
            return Optional.empty();
        }
        List<RouteReport.RouteView> routes = camel.getRoutes().stream()
                .map(Route::getId)
                .map(managed::getManagedRoute)
                .filter(route -> route != null)
                .map(this::view)
                .sorted(Comparator.comparing(RouteReport.RouteView::id))
                .toList();
        OutboxReport outbox = outboxes.getIfAvailable();
        List<RouteReport.StageView> stages = STAGES.stream()
                .map(stage -> new RouteReport.StageView(stage, outbox == null ? null : outbox.of(stage).orElse(null)))
                .toList();
        return Optional.of(new RouteReport(clock.instant(), routes, stages));
    }

    public boolean exists(String routeId) {
        return camel.getRoute(routeId) != null;
    }

    private RouteReport.RouteView view(ManagedRouteMBean route) {
        Optional<RouteFailures.Failure> failure = failures.of(route.getRouteId());
        Date failedAt = route.getLastExchangeFailureTimestamp();
        Instant lastFailureAt = failure.map(RouteFailures.Failure::at)
                .orElse(failedAt == null ? null : failedAt.toInstant());
        return new RouteReport.RouteView(route.getRouteId(), stageOf(route.getRouteId()), withoutOptions(route.getEndpointUri()),
                route.getState(), route.getUptimeMillis(), route.getExchangesTotal(), route.getExchangesFailed(),
                route.getFailuresHandled(), route.getExchangesInflight(), route.getRedeliveries(),
                route.getMeanProcessingTime(), route.getMaxProcessingTime(), route.getLastProcessingTime(),
                lastFailureAt, failure.map(RouteFailures.Failure::message).orElse(null));
    }

    static String stageOf(String routeId) {
        String prefix = routeId.contains("-") ? routeId.substring(0, routeId.indexOf('-')) : routeId;
        return STAGES.contains(prefix) ? prefix : null;
    }

    /** Options can hold settings nobody needs to see here; the scheme and path say what the route reads. */
    private static String withoutOptions(String uri) {
        return uri == null || !uri.contains("?") ? uri : uri.substring(0, uri.indexOf('?'));
    }
}
