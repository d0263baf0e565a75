package io.orderflow.app.database;

import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insert of a table that holds at most one row per order (payments, shipments, deliveries): it checks for the
 * order's row itself, so a stage needs one statement where a look-up and an insert were two, on every order. Two
 * consumers inserting for the same order at once both pass the check; the table's unique {@code order_id} refuses the
 * second, whose record is retried and then finds the first one's row.
 */
public final class OnePerOrderInsert {

    private final JdbcClient jdbc;
    private final String sql;

    /** @param columns the inserted columns, {@code order_id} among them */
    public OnePerOrderInsert(JdbcClient jdbc, String table, String... columns) {
        if (!Arrays.asList(columns).contains("order_id")) {
            throw new IllegalArgumentException(table + ": the inserted columns must include order_id");
        }
        this.jdbc = jdbc;
        this.sql = "insert into " + table + " (" + String.join(", ", columns) + ") select "
                + String.join(", ", Collections.nCopies(columns.length, "?"))
                + " where not exists (select 1 from " + table + " where order_id = ?)";
    }

    /**
     * Inserts {@code values} (in the order of the columns) unless order {@code orderId} has its row already.
     *
     * @param earlier reads the order's row
     * @return empty when inserted; otherwise the order's earlier row, and nothing inserted
     */
    public <T> Optional<T> insertFirst(String orderId, Function<String, Optional<T>> earlier, Object... values) {
        Object[] params = Arrays.copyOf(values, values.length + 1);
        params[values.length] = orderId;
        if (jdbc.sql(sql).params(params).update() == 1) {
            return Optional.empty();
        }
        Optional<T> row = earlier.apply(orderId);
        if (row.isEmpty()) {
            throw new IllegalStateException("order " + orderId + " has a row the insert saw and the read did not");
        }
        return row;
    }
}
