package io.orderflow.app.outbox;

import java.time.Duration;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import io.orderflow.app.OrderflowProperties;

/**
 * {@code /actuator/health} component "outbox": DOWN when the oldest committed record has waited longer than
 * {@code orderflow.outbox.max-age} to be published (the relay cannot reach the cluster, or is not running), with
 * the relay's last failure as the reason. Reads the relay's last figures, so it answers at once in every state.
 */
@Component("outbox")
public class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;
    private final Duration maxAge;

    public OutboxHealthIndicator(OutboxRelay relay, OrderflowProperties properties) {
        this.relay = relay;
        this.maxAge = properties.outbox().maxAge();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OutboxRelay.Status status = relay.status();
        OutboxRows.Backlog backlog = status.backlog();
        boolean late = backlog.oldest().compareTo(maxAge) > 0;
        if (!relay.isRunning()) {
            builder.down().withDetail("reason", "the outbox relay is not running");
        } else if (late) {
            builder.down().withDetail("reason", "the oldest record has waited " + backlog.oldest().toSeconds()
                    + " s to be published (limit " + maxAge.toSeconds() + " s)"
                    + (status.lastFailure() == null ? "" : ": " + status.lastFailure()));
        } else {
            builder.up();
        }
        builder.withDetail("depth", backlog.depth())
                .withDetail("oldestAgeSeconds", backlog.oldest().toMillis() / 1000.0)
                .withDetail("parked", backlog.parked())
                .withDetail("shards", status.shards().size());
        if (status.lastFailure() != null) {
            builder.withDetail("lastFailure", status.lastFailure())
                    .withDetail("failingSince", status.failingSince().toString());
        }
    }
}
