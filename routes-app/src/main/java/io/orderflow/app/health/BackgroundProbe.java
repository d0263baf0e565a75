package io.orderflow.app.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import io.orderflow.app.DaemonThreads;

/**
 * Checks a dependency on its own thread, every interval, and keeps the last outcome, so {@code /actuator/health}
 * answers at once whatever state the dependency is in: a database that is away makes a connection attempt wait for
 * the pool's timeout, and a health probe with a normal timeout would fail instead of reading DOWN. Registered as a
 * health indicator bean under the component's name.
 */
public final class BackgroundProbe implements HealthIndicator, AutoCloseable {

    private final String name;
    private final Callable<Map<String, Object>> check;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile Outcome last;
    private volatile Instant runningSince;

    private record Outcome(Instant at, Map<String, Object> details, String failure) {
    }

    /** @param check returns the details of a healthy dependency, or throws */
    public BackgroundProbe(String name, Callable<Map<String, Object>> check, Duration interval, Clock clock) {
        this.name = name;
        this.check = check;
        this.interval = interval;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name + "-probe"));
        scheduler.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        Outcome outcome = last;
        Instant since = runningSince;
        Instant now = clock.instant();
        if (since != null && Duration.between(since, now).compareTo(interval.multipliedBy(2)) > 0) {
            return Health.down().withDetail("reason", name + " has not answered for "
                    + Duration.between(since, now).toSeconds() + " s").build();
        }
        if (outcome == null) {
            return Health.unknown().withDetail("reason", "first check of " + name + " still running").build();
        }
        Health.Builder builder = outcome.failure() == null ? Health.up().withDetails(outcome.details())
                : Health.down().withDetail("reason", outcome.failure());
        return builder.withDetail("checkedAt", outcome.at().toString()).build();
    }

    private void probe() {
        runningSince = clock.instant();
        try {
            last = new Outcome(clock.instant(), check.call(), null);
        } catch (Exception e) {
            last = new Outcome(clock.instant(), Map.of(), e.toString());
        } finally {
            runningSince = null;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
