package io.orderflow.app.web;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.dao.DuplicateKeyException;

/**
 * Base of the REST route builders: every failure becomes a JSON error. Client errors are logged without a stack
 * trace; anything else is a 500 whose details stay in the log.
 */
public abstract class ApiRouteBuilder extends RouteBuilder {

    protected final JsonApi json;

    protected ApiRouteBuilder(JsonApi json) {
        this.json = json;
    }

    @Override
    public final void configure() {
        onException(ApiException.class)
                .handled(true)
                .process(exchange -> {
                    ApiException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class);
                    json.respondError(exchange, e.status(), e.error(), e.getMessage());
                    if (e.retryAfterSeconds() != null) {
                        exchange.getMessage().setHeader("Retry-After", e.retryAfterSeconds());
                    }
                });
        onException(DuplicateKeyException.class)
                .handled(true)
                .process(exchange -> json.respondError(exchange, 409, "conflict",
                        "a concurrent request changed the same resource; retry"));
        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "request failed: ${exception.stacktrace}")
                .process(exchange -> json.respondError(exchange, 500, "internal_error",
                        "the request could not be completed; nothing was published (see the server log)"));
        configureApi();
    }

    protected abstract void configureApi();
}
