package io.orderflow.app.database;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh in-memory H2 database with the application's Flyway migrations applied, for slice tests of the JDBC
 * repositories: the real schema and the real SQL, no Spring context, no broker. Each call is a database of its own.
 */
public final class MigratedH2 {

    private MigratedH2() {
    }

    public static DataSource create() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // kept until the JVM ends, so every connection of one test sees the same database
        dataSource.setURL("jdbc:h2:mem:slice-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    public static JdbcClient jdbcClient() {
        return JdbcClient.create(create());
    }
}
