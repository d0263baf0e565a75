package io.orderflow.app.web;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import io.orderflow.app.rejection.BusyException;
import io.orderflow.app.rejection.ConflictException;
import io.orderflow.app.rejection.NotFoundException;
import io.orderflow.app.rejection.Rejection;
import io.orderflow.app.rejection.RuleBrokenException;

/**
 * The route configuration {@value #ID} that every REST route names: every failure becomes a JSON error. A REST route
 * just calls its services; this is the one place that knows how each kind of {@link Rejection} they throw is
 * answered over HTTP (status, error code and {@code Retry-After}). Client errors are logged without a stack trace;
 * anything else is a 500 whose details stay in the log.
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
                .process(exchange -> respond(exchange, exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                        ApiException.class)));
        api.onException(Rejection.class)
                .handled(true)
                .process(exchange -> respond(exchange, answer(exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                        Rejection.class))));
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

    private void respond(Exchange exchange, ApiException e) {
        json.respondError(exchange, e.status(), e.error(), e.getMessage());
        if (e.retryAfterSeconds() != null) {
            exchange.getMessage().setHeader("Retry-After", e.retryAfterSeconds());
        }
    }

    /** The answer to a kind of rejection. */
    static ApiException answer(Rejection rejection) {
        if (rejection instanceof NotFoundException) {
            return ApiException.notFound(rejection.getMessage());
        }
        if (rejection instanceof ConflictException) {
            return ApiException.conflict(rejection.getMessage());
        }
        if (rejection instanceof RuleBrokenException broken) {
            return new ApiException(422, broken.rule(), broken.getMessage());
        }
        if (rejection instanceof BusyException busy) {
            // Retry-After counts whole seconds; round up so a client never comes back too early
            long seconds = Math.max(1, (busy.retryAfter().toMillis() + 999) / 1000);
            return ApiException.unavailable(busy.getMessage(), Math.toIntExact(seconds));
        }
        throw new IllegalStateException("no HTTP answer for " + rejection.getClass().getName(), rejection);
    }
}
