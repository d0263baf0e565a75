package io.orderflow.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

class LockTimeoutTest {

    @Test
    void postgresqlConnectionsOpenWithALockTimeout() {
        HikariDataSource pool = pool("jdbc:postgresql://db:5432/orders", null);

        new PostgresLockTimeout().postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isEqualTo("SET lock_timeout = '30s'");
    }

    @Test
    void theOperatorsInitSqlRunsFirst() {
        HikariDataSource pool = pool("jdbc:postgresql://db:5432/orders", "SET search_path = shop");

        new PostgresLockTimeout().postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isEqualTo("SET search_path = shop; SET lock_timeout = '30s'");
    }

    @Test
    void h2ConnectionsAreLeftToH2sOwnLockTimeout() {
        HikariDataSource pool = pool("jdbc:h2:file:./data/db/orderflow;WRITE_DELAY=0", null);

        new PostgresLockTimeout().postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isNull();
    }

    private static HikariDataSource pool(String url, String initSql) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setConnectionInitSql(initSql);
        return pool;
    }

    /** What the H2 case relies on: a statement waiting for a row lock another transaction holds does not wait long. */
    @Test
    void h2RefusesARowLockThatIsHeldAfterItsLockTimeout() throws SQLException {
        String url = "jdbc:h2:mem:lock-timeout;DB_CLOSE_DELAY=-1";
        try (Connection holder = DriverManager.getConnection(url); Connection waiter = DriverManager.getConnection(url)) {
            try (Statement ddl = holder.createStatement()) {
                ddl.execute("create table orders (order_id varchar(10) primary key, status varchar(10))");
                ddl.execute("insert into orders values ('o-1', 'CREATED')");
            }
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            try (Statement hold = holder.createStatement()) {
                hold.executeQuery("select status from orders where order_id = 'o-1' for update").close();
            }
            try (Statement wait = waiter.createStatement()) {
                assertThatThrownBy(() -> wait.executeQuery(
                        "select status from orders where order_id = 'o-1' for update"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("Timeout trying to lock table");
            }
        }
    }
}
