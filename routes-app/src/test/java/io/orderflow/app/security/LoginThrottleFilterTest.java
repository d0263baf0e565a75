package io.orderflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.app.OrderflowProperties;

/**
 * The filter in front of authentication: a blocked address gets a JSON 429 with Retry-After before its credentials
 * are looked at; requests without credentials and other addresses pass through to the chain.
 */
class LoginThrottleFilterTest {

    private final LoginThrottle throttle = new LoginThrottle(properties(2, Duration.ofMinutes(5)),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());
    private final LoginThrottleFilter filter = new LoginThrottleFilter(throttle);

    @Test
    void aBlockedAddressIsRefusedBeforeItsCredentialsAreChecked() throws Exception {
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("10.0.0.1", "Bearer right-token"), response, chain);

        assertThat(chain.getRequest()).as("the chain (authentication) is not reached").isNull();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("300");
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"error\":\"too_many_requests\"")
                .contains("try again in 300 s");
    }

    @Test
    void requestsWithoutCredentialsAndOtherAddressesPass() throws Exception {
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");

        MockFilterChain anonymous = new MockFilterChain();
        filter.doFilter(request("10.0.0.1", null), new MockHttpServletResponse(), anonymous);
        assertThat(anonymous.getRequest()).as("orders and carts need no credentials").isNotNull();

        MockFilterChain other = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("10.0.0.2", "Bearer t"), response, other);
        assertThat(other.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest request(String address, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/dead-letters");
        request.setRemoteAddr(address);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private static OrderflowProperties properties(int maxFailures, Duration window) {
        return new OrderflowProperties(null, null, null, null, Map.of(), null,
                new OrderflowProperties.Security("operator", null, Map.of(), null,
                        new OrderflowProperties.LoginThrottle(maxFailures, window)),
                null, null, null, null, null, null);
    }
}
