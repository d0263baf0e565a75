package io.orderflow.app.security;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.app.OrderflowProperties;

/**
 * Counts failed logins (metric {@code orderflow_security_login_failures_total}, by kind) and, per client address,
 * refuses further logins for the rest of a window once {@code max-failures} failed within it.
 * <p>
 * Hand-written because Spring Security has no login throttling, and no rate-limit library is managed by the Spring
 * Boot or Camel BOMs; a fixed window per address is all this needs. It lives in this JVM: behind a load balancer
 * each instance counts on its own. The map is bounded: past {@link #MAX_ADDRESSES}, finished windows are dropped
 * first, and if that is not enough, all of them (a flood from that many addresses is the network's problem).
 */
@Component
public class LoginThrottle {

    static final int MAX_ADDRESSES = 100_000;

    private record Window(long startMillis, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final OrderflowProperties.LoginThrottle settings;
    private final Clock clock;
    private final MeterRegistry registry;

    public LoginThrottle(OrderflowProperties properties, Clock clock, MeterRegistry registry) {
        this.settings = properties.security().loginThrottle();
        this.clock = clock;
        this.registry = registry;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String kind = event.getAuthentication() instanceof BearerTokenAuthenticationToken ? "bearer" : "password";
        registry.counter("orderflow.security.login.failures", "kind", kind).increment();
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            recordFailure(details.getRemoteAddress());
        }
    }

    void recordFailure(String address) {
        if (windows.size() >= MAX_ADDRESSES) {
            long now = clock.millis();
            windows.values().removeIf(window -> ended(window, now));
            if (windows.size() >= MAX_ADDRESSES) {
                windows.clear();
            }
        }
        long now = clock.millis();
        windows.merge(address, new Window(now, 1), (current, first) -> ended(current, now) ? first
                : new Window(current.startMillis(), current.failures() + 1));
    }

    /** Seconds until {@code address} may try again, if it is blocked now. */
    OptionalLong blockedFor(String address) {
        Window window = windows.get(address);
        long now = clock.millis();
        if (window == null || ended(window, now) || window.failures() < settings.maxFailures()) {
            return OptionalLong.empty();
        }
        long remainingMillis = window.startMillis() + settings.window().toMillis() - now;
        return OptionalLong.of(Math.max(1, (remainingMillis + 999) / 1000));
    }

    void refused() {
        registry.counter("orderflow.security.login.throttled").increment();
    }

    private boolean ended(Window window, long now) {
        return now - window.startMillis() >= settings.window().toMillis();
    }
}
