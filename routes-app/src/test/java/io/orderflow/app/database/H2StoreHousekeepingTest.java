package io.orderflow.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's write pattern with the datasource's {@code WRITE_DELAY=0}: every commit adds a row that stays (an
 * order) and writes and removes one that does not (the outbox). Each commit writes a chunk; the pages of the rows
 * that stay keep old chunks partly alive, and only housekeeping rewrites those. Retention is 0 here so that freed
 * space is reusable at once (the application's is 1 s).
 */
class H2StoreHousekeepingTest {

    private static final int COMMITS = 3_000;

    @TempDir
    Path dir;

    @Test
    void keepsAChurningFileBounded() throws Exception {
        long without = churn("without", false);
        long with = churn("with", true);

        assertThat(with).as("file with housekeeping (%d bytes) vs without (%d bytes)", with, without)
                .isLessThan(without / 3);
    }

    /**
     * H2's own writer keeps a store whose {@code WRITE_DELAY} is above 0, and a second rewriter racing it once made H2
     * close the database. The delay is long enough that H2's writer does nothing while the test runs. The keeper's
     * connections name no settings: H2 applies a URL's settings again on every connection it opens.
     */
    @Test
    void leavesAStoreWithH2sOwnWriterAlone() throws Exception {
        JdbcDataSource dataSource = dataSource("writer", ";WRITE_DELAY=0;RETENTION_TIME=0");
        H2StoreHousekeeping keeper = new H2StoreHousekeeping(dataSource("writer", ""), Duration.ofHours(1));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            churn(connection, () -> { });

            sql.execute("SET WRITE_DELAY 60000");
            assertThat(keeper.runOnce()).as("rewrote beside H2's writer").isFalse();
            sql.execute("SET WRITE_DELAY 0");
            assertThat(keeper.runOnce()).as("rewrote once H2's writer was off again").isTrue();
        } finally {
            keeper.destroy();
        }
    }

    private long churn(String name, boolean housekeeping) throws Exception {
        JdbcDataSource dataSource = dataSource(name, ";WRITE_DELAY=0;RETENTION_TIME=0");
        H2StoreHousekeeping keeper = new H2StoreHousekeeping(dataSource, Duration.ofHours(1));
        try (Connection connection = dataSource.getConnection()) {
            churn(connection, housekeeping ? keeper::runOnce : () -> { });
            return Files.size(dir.resolve(name).resolve("db.mv.db"));
        } finally {
            keeper.destroy();
        }
    }

    private JdbcDataSource dataSource(String name, String settings) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve(name).resolve("db") + settings);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static void churn(Connection connection, Runnable everyFiftyCommits) throws Exception {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create table churn (id bigint primary key, payload varchar(2000))");
            ddl.execute("create table kept (id bigint primary key, payload varchar(2000))");
        }
        connection.setAutoCommit(false);
        String payload = "x".repeat(1_000);
        try (PreparedStatement keep = connection.prepareStatement("insert into kept values (?, ?)");
             PreparedStatement insert = connection.prepareStatement("insert into churn values (?, ?)");
             PreparedStatement delete = connection.prepareStatement("delete from churn where id = ?")) {
            for (int i = 0; i < COMMITS; i++) {
                keep.setLong(1, i);
                keep.setString(2, payload.substring(0, 200));
                keep.executeUpdate();
                insert.setLong(1, i);
                insert.setString(2, payload);
                insert.executeUpdate();
                connection.commit();
                delete.setLong(1, i);
                delete.executeUpdate();
                connection.commit();
                if (i % 50 == 0) {
                    everyFiftyCommits.run();
                }
            }
        }
        connection.setAutoCommit(true);
    }
}
