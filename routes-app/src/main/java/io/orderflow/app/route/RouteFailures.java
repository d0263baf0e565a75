package io.orderflow.app.route;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * The latest failure of each route, with its message: Camel's route statistics count failures and time the last
 * one, but do not keep what it said. Listens to Camel's failure events only (handled ones, which went to a
 * dead-letter channel, and unhandled ones), so exchanges that succeed cost nothing here.
 */
@Component
public class RouteFailures extends EventNotifierSupport {

    public record Failure(Instant at, String message) {
    }

    private static final int MAX_MESSAGE_CHARS = 500;

    private final Map<String, Failure> latest = new ConcurrentHashMap<>();
    private final Clock clock;

    public RouteFailures(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent || event instanceof CamelEvent.ExchangeFailureHandledEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // the route the failure happened in, which the error handler names; else the route the exchange entered by
        String routeId = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
        if (routeId == null) {
            routeId = exchange.getFromRouteId();
        }
        if (routeId != null) {
            latest.put(routeId, new Failure(clock.instant(), describe(failure)));
        }
    }

    public Optional<Failure> of(String routeId) {
        return Optional.ofNullable(latest.get(routeId));
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "failed without an exception";
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
