package io.orderflow.app.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The bound on the application's long transactions, a stage's poll batch and a group of orders. Spring passes what is
 * left of it to each of their statements as its query timeout.
 * <p>
 * On PostgreSQL that is 30 s: a statement waiting for a row lock would otherwise wait for as long as the holder
 * keeps it. On H2 there is none: H2 runs a statement's query timeout as a session {@code SET}, and every {@code SET}
 * discards the parsed statements of every session, so with it every statement of every stage was parsed and planned
 * again (a quarter of the stage threads' CPU, JFR). What could hold a statement there, a row lock, fails after H2's
 * own lock timeout (2 s), and the stage watchdog restarts a batch that takes longer than its limit whatever the cause.
 */
@Component
public final class TransactionTimeout {

    private static final int SECONDS = 30;

    private final int seconds;

    TransactionTimeout(@Value("${spring.datasource.url:}") String datasourceUrl) {
        this.seconds = DatabaseDriver.fromJdbcUrl(datasourceUrl) == DatabaseDriver.H2
                ? TransactionDefinition.TIMEOUT_DEFAULT : SECONDS;
    }

    /** For the database at {@code datasourceUrl}. */
    public static TransactionTimeout of(String datasourceUrl) {
        return new TransactionTimeout(datasourceUrl);
    }

    public <T extends DefaultTransactionDefinition> T applyTo(T definition) {
        definition.setTimeout(seconds);
        return definition;
    }
}
