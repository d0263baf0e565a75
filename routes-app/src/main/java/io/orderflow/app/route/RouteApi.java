package io.orderflow.app.route;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.orderflow.app.security.AuthenticatedOperator;
import io.orderflow.app.web.ApiException;
import io.orderflow.app.web.ApiErrorResponses;
import io.orderflow.app.web.JsonApi;

/**
 * {@code /api/routes}: the Camel routes with their statistics, and stopping, suspending, starting or resuming one.
 * Needs operator credentials (failure messages can quote customer data); control is an admin action, guarded in the
 * security configuration.
 */
@Component
public class RouteApi extends RouteBuilder {

    /** This API's own routes: stopping them would take away the way to start them again. */
    private static final String OWN_ROUTES = "route-api";

    private final JsonApi json;
    private final RouteStatistics statistics;
    private final RouteControl control;

    public RouteApi(JsonApi json, RouteStatistics statistics, RouteControl control) {
        this.json = json;
        this.statistics = statistics;
        this.control = control;
    }

    @Override
    public void configure() {
        rest("/routes").description("Camel routes (operator credentials required; control is an admin action)")
                .get().description("Every route with its state and statistics, and each stage's outbox when reported")
                    .produces("application/json")
                    .to("direct:route-api-list")
                .post("/{routeId}/{action}").description("stop, suspend, start or resume a route; audited")
                    .produces("application/json")
                    .to("direct:route-api-control");

        from("direct:route-api-list").routeId(OWN_ROUTES + "-list")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> json.respond(exchange, 200, statistics.report().orElseThrow(
                        () -> new ApiException(503, "unavailable", "route statistics need Camel's management"
                                + " (camel-management on the classpath, JMX on)"))));
        from("direct:route-api-control").routeId(OWN_ROUTES + "-control")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::control);
    }

    private void control(Exchange exchange) throws Exception {
        String actor = AuthenticatedOperator.required(exchange).name();
        String routeId = json.pathId(exchange, "routeId");
        RouteControl.Action action = action(exchange.getMessage().getHeader("action", String.class));
        if (!statistics.exists(routeId)) {
            throw ApiException.notFound("no route '" + routeId + "'");
        }
        if (routeId.startsWith(OWN_ROUTES)) {
            throw ApiException.conflict("route " + routeId + " serves this API and cannot be controlled through it");
        }
        json.respond(exchange, 200, control.apply(routeId, action, actor));
    }

    private static RouteControl.Action action(String name) {
        try {
            return RouteControl.Action.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no action '" + name + "': stop, suspend, start or resume");
        }
    }
}
