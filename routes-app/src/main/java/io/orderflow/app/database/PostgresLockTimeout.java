package io.orderflow.app.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, a wait for a lock fails after 30 s: the pool's connections open with {@code lock_timeout} set, so
 * a statement of a stage's batch or of a group of orders cannot wait for as long as another instance's transaction
 * holds a row. H2 needs nothing: a wait for a row lock fails there after H2's own lock timeout (2 s).
 * <p>
 * The bound is the server's, per wait, rather than a Spring transaction timeout: Spring passes what is left of such
 * a timeout to every statement as its query timeout, and pgjdbc runs each query timeout as a task on its timer
 * thread, scheduled and cancelled around every statement (80–92 µs of CPU per order at saturation, more than
 * the outbox relay). On H2 a query timeout was worse still, a session {@code SET} that discards every session's
 * parsed statements. A batch that is slow for another reason is the stage watchdog's to restart.
 * <p>
 * A statement timeout is not set with it: it would bound Flyway's migrations too, which run on the same pool and may
 * rightly take minutes on a large table.
 */
@Component
final class PostgresLockTimeout implements BeanPostProcessor {

    static final String SET_LOCK_TIMEOUT = "SET lock_timeout = '30s'";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && DatabaseDriver.fromJdbcUrl(pool.getJdbcUrl()) == DatabaseDriver.POSTGRESQL) {
            String configured = pool.getConnectionInitSql();
            // after what the operator configured, so theirs runs and this bound holds whatever it set
            pool.setConnectionInitSql(configured == null || configured.isBlank() ? SET_LOCK_TIMEOUT
                    : configured + "; " + SET_LOCK_TIMEOUT);
        }
        return bean;
    }
}
