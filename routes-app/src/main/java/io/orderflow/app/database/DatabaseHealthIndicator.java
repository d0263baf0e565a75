package io.orderflow.app.database;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import io.orderflow.app.health.BackgroundProbe;

/** {@code /actuator/health} component "db", checked in the background (see {@link BackgroundProbe}). */
@Component("db")
public class DatabaseHealthIndicator implements HealthIndicator, AutoCloseable {

    private final BackgroundProbe probe;

    public DatabaseHealthIndicator(DataSource dataSource, Clock clock) {
        this.probe = new BackgroundProbe("the database", () -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(2)) {
                    throw new IllegalStateException("the connection did not validate within 2 s");
                }
                return Map.of("database", connection.getMetaData().getDatabaseProductName());
            }
        }, Duration.ofSeconds(2), clock);
    }

    @Override
    public Health health() {
        return probe.health();
    }

    @Override
    public void close() {
        probe.close();
    }
}
