package io.orderflow.app.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderflow.idempotency.*}: a key is remembered for {@code keyTtl}; a request that finds its key's first
 * request still running waits up to {@code inProgressWait} for that answer; a running request holds its key for
 * {@code inProgressLease} at most (longer than a placement can take: queue timeout plus transaction timeout), after
 * which a retry may take it over, as it must when the first request's instance died.
 */
@ConfigurationProperties("orderflow.idempotency")
public record IdempotencySettings(@DefaultValue("24h") Duration keyTtl,
                                  @DefaultValue("15s") Duration inProgressWait,
                                  @DefaultValue("60s") Duration inProgressLease) {
    public IdempotencySettings {
        if (keyTtl.isNegative() || keyTtl.isZero() || inProgressWait.isNegative() || inProgressLease.isNegative()
                || inProgressLease.isZero()) {
            throw new IllegalArgumentException("orderflow.idempotency: key-ttl and in-progress-lease must be positive"
                    + " and in-progress-wait not negative");
        }
    }
}
