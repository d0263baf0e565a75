package io.orderflow.app.database;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.orderflow.app.health.BackgroundProbe;

/** {@code /actuator/health} component "db": a connection that validates within 2 s, checked in the background. */
@Configuration(proxyBeanMethods = false)
class DatabaseHealth {

    @Bean("db")
    BackgroundProbe databaseHealth(DataSource dataSource, Clock clock) {
        return new BackgroundProbe("the database", () -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(2)) {
                    throw new IllegalStateException("the connection did not validate within 2 s");
                }
                return Map.of("database", connection.getMetaData().getDatabaseProductName());
            }
        }, Duration.ofSeconds(2), clock);
    }
}
