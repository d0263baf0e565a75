package io.orderflow.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The database one application under test uses: the embedded H2 under its data directory, or, in the PostgreSQL
 * run of the suite ({@code -Dorderflow.test.database=postgres}, see {@code scripts/with-postgres.sh}), a database
 * of its own on the server that {@code ORDERFLOW_TEST_POSTGRES_URL} names, so contexts never see each other's rows.
 */
record TestDatabase(String url, String username, String password) {

    private static final boolean POSTGRES = "postgres".equals(System.getProperty("orderflow.test.database"));
    private static final String ADMIN_URL = System.getenv("ORDERFLOW_TEST_POSTGRES_URL");

    /** In the PostgreSQL run without a server, skips the test class instead of testing H2 a second time. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(!POSTGRES || ADMIN_URL != null && !ADMIN_URL.isBlank(),
                "PostgreSQL run skipped: ORDERFLOW_TEST_POSTGRES_URL is not set (scripts/with-postgres.sh sets it)");
    }

    static boolean postgres() {
        return POSTGRES;
    }

    /** A new, empty database for one application; H2's lives under {@code dataDir}, the application's default. */
    static TestDatabase create(Path dataDir) {
        if (!POSTGRES) {
            return new TestDatabase("jdbc:h2:file:" + dataDir.resolve("db/orderflow"), "sa", "");
        }
        String name = "orderflow_" + UUID.randomUUID().toString().replace("-", "");
        TestDatabase admin = new TestDatabase(ADMIN_URL, System.getenv("ORDERFLOW_TEST_POSTGRES_USER"),
                System.getenv("ORDERFLOW_TEST_POSTGRES_PASSWORD"));
        try (Connection connection = admin.connect()) {
            connection.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + ADMIN_URL, e);
        }
        return new TestDatabase(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name, admin.username,
                admin.password);
    }

    /** Command-line arguments that point the application at this database (none for the default H2). */
    List<String> applicationArguments() {
        return POSTGRES ? List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password) : List.of();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }
}
