package io.orderflow.app.web;

import org.apache.camel.Processor;

import io.orderflow.app.rejection.BusyException;
import io.orderflow.app.rejection.ConflictException;
import io.orderflow.app.rejection.NotFoundException;
import io.orderflow.app.rejection.Rejection;
import io.orderflow.app.rejection.RuleBrokenException;

/**
 * The one place that knows how each kind of {@link Rejection} a service throws is answered over HTTP: status,
 * error code and {@code Retry-After}. A REST route wraps the processor that calls services in {@link #mapped}.
 */
public final class RejectionMapping {

    private RejectionMapping() {
    }

    /** {@code processor}, with a rejection it throws turned into the {@link ApiException} it is answered with. */
    public static Processor mapped(Processor processor) {
        return exchange -> {
            try {
                processor.process(exchange);
            } catch (Rejection rejection) {
                throw toApi(rejection);
            }
        };
    }

    static ApiException toApi(Rejection rejection) {
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
