package io.orderflow.app.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderflow.idempotency.*}: a key is remembered for {@code keyTtl}; a request that finds its key's first
 * request still running waits up to {@code inProgressWait} for that answer.
 */
@ConfigurationProperties("orderflow.idempotency")
public record IdempotencySettings(@DefaultValue("24h") Duration keyTtl,
                                  @DefaultValue("15s") Duration inProgressWait) {
    public IdempotencySettings {
        if (keyTtl.isNegative() || keyTtl.isZero() || inProgressWait.isNegative()) {
            throw new IllegalArgumentException("orderflow.idempotency: key-ttl must be positive and"
                    + " in-progress-wait not negative");
        }
    }
}
