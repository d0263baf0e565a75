package io.orderflow.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

class TransactionTimeoutTest {

    @Test
    void boundsTransactionsOnPostgresql() {
        DefaultTransactionDefinition definition = TransactionTimeout.of("jdbc:postgresql://db:5432/orders")
                .applyTo(new DefaultTransactionDefinition());

        assertThat(definition.getTimeout()).isEqualTo(30);
    }

    @Test
    void leavesTransactionsOnH2ToH2sLockTimeout() {
        DefaultTransactionDefinition definition = TransactionTimeout.of("jdbc:h2:file:./data/db/orderflow;WRITE_DELAY=0")
                .applyTo(new DefaultTransactionDefinition());

        assertThat(definition.getTimeout()).isEqualTo(TransactionDefinition.TIMEOUT_DEFAULT);
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
