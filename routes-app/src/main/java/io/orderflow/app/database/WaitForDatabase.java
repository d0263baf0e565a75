package io.orderflow.app.database;

import java.time.Duration;
import java.time.Instant;

import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.reliability.Unavailable;

/**
 * Waits for a database that is not up yet instead of exiting: in production the application and PostgreSQL start
 * in any order. The schema migration is retried with backoff (1 s doubling to 10 s) for up to
 * {@code orderflow.database.startup-wait}; the application serves nothing before it succeeds.
 */
@Configuration(proxyBeanMethods = false)
class WaitForDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(WaitForDatabase.class);

    @Bean
    FlywayMigrationStrategy migrateOnceTheDatabaseAnswers(OrderflowProperties properties) {
        Duration limit = properties.database().startupWait();
        return flyway -> {
            Instant giveUpAt = Instant.now().plus(limit);
            long pauseMs = 1_000;
            while (true) {
                try {
                    flyway.migrate();
                    return;
                } catch (FlywayException e) {
                    if (!Unavailable.isCause(e) || Instant.now().isAfter(giveUpAt)) {
                        throw e;
                    }
                    LOG.warn("database not reachable yet, trying again in {} s (giving up at {}): {}",
                            pauseMs / 1000, giveUpAt, e.getMessage());
                    sleep(pauseMs);
                    pauseMs = Math.min(pauseMs * 2, 10_000);
                }
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
