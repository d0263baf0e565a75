package io.orderflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.app.ManualClock;
import io.orderflow.app.OrderflowProperties;

class LoginThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(properties(3, Duration.ofMinutes(5)), clock,
            new SimpleMeterRegistry());

    @Test
    void anAddressIsBlockedForTheRestOfTheWindowAfterMaxFailures() {
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        throttle.recordFailure("10.0.0.1");

        assertThat(throttle.blockedFor("10.0.0.1")).hasValue(240);
        assertThat(throttle.blockedFor("10.0.0.2")).as("per address").isEmpty();
        clock.advance(Duration.ofMinutes(4).minusSeconds(1));
        assertThat(throttle.blockedFor("10.0.0.1")).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("10.0.0.1")).as("the window ended").isEmpty();
    }

    @Test
    void failuresOfAnEndedWindowDoNotCount() {
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");
        clock.advance(Duration.ofMinutes(5));
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    private static OrderflowProperties properties(int maxFailures, Duration window) {
        return new OrderflowProperties(null, null, null, null, Map.of(), null,
                new OrderflowProperties.Security("operator", null, Map.of(), null,
                        new OrderflowProperties.LoginThrottle(maxFailures, window)),
                null, null, null, null, null, null);
    }
}
