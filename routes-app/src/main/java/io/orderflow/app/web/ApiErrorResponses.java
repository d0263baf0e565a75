package io.orderflow.app.web;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The route configuration {@value #ID} that every REST route names: every failure becomes a JSON error. Client
 * errors are logged without a stack trace; anything else is a 500 whose details stay in the log.
 */
@Component
public class ApiErrorResponses extends RouteConfigurationBuilder {

    /** What a REST route names in {@code routeConfigurationId}. */
    public static final String ID = "api";

    private final JsonApi json;

    public ApiErrorResponses(JsonApi json) {
        this.json = json;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition api = routeConfiguration(ID);
        api.onException(ApiException.class)
                .handled(true)
                .process(exchange -> {
                    ApiException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class);
                    json.respondError(exchange, e.status(), e.error(), e.getMessage());
                    if (e.retryAfterSeconds() != null) {
                        exchange.getMessage().setHeader("Retry-After", e.retryAfterSeconds());
                    }
                });
        api.onException(DuplicateKeyException.class)
                .handled(true)
                .process(exchange -> json.respondError(exchange, 409, "conflict",
                        "a concurrent request changed the same resource; retry"));
        api.onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "request failed: ${exception.stacktrace}")
                .process(exchange -> json.respondError(exchange, 500, "internal_error",
                        "the request could not be completed; nothing was published (see the server log)"));
    }
}
