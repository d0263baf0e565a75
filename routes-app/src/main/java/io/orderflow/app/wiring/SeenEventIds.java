package io.orderflow.app.wiring;

import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.transaction.support.TransactionTemplate;

import io.orderflow.reliability.OptimisticPass;

/**
 * Camel's JDBC idempotent repository with one statement per new key instead of two: Camel's {@code add} counts the
 * key and then inserts it; this inserts it unless it is there and reads the update count. It ran for every event of
 * every stage, and the count was a tenth of the stages' database time. Two consumers adding the same key at once
 * still meet the primary key, as before: one of them fails and its record is retried, then seen as a duplicate.
 * <p>
 * In an {@link OptimisticPass} no statement runs per key: the pass's keys are gathered and inserted as one JDBC batch
 * before it commits, plain inserts that the primary key refuses for a key seen before. A key is taken as new unless
 * the same pass had it already; a record seen in an earlier batch (a redelivery after a crash or rebalance, rare)
 * therefore runs its effect once more in the pass, the batch insert fails, the pass rolls back with that effect, and
 * the record-by-record pass that follows sees the duplicate as it always did.
 */
final class SeenEventIds extends JdbcMessageIdRepository {

    private static final String INSERT_UNLESS_SEEN = """
            insert into camel_messageprocessed (processorName, messageId, createdAt)
            select ?, ?, ? where not exists
                (select 1 from camel_messageprocessed where processorName = ? and messageId = ?)""";
    private static final String INSERT = """
            insert into camel_messageprocessed (processorName, messageId, createdAt) values (?, ?, ?)""";

    SeenEventIds(DataSource dataSource, TransactionTemplate transactions, String consumer) {
        super(dataSource, transactions, consumer);
        setCreateTableIfNotExists(false);
    }

    @Override
    public boolean add(String key) {
        return Boolean.TRUE.equals(transactionTemplate.execute(status -> jdbcTemplate.update(INSERT_UNLESS_SEEN,
                processorName, key, new Timestamp(System.currentTimeMillis()), processorName, key) == 1));
    }

    @Override
    public boolean add(Exchange exchange, String key) {
        return OptimisticPass.isOn(exchange) ? passKeys(exchange).keys.add(key) : add(key);
    }

    @Override
    public boolean remove(Exchange exchange, String key) {
        return OptimisticPass.isOn(exchange) ? passKeys(exchange).keys.remove(key) : remove(key);
    }

    private PassKeys passKeys(Exchange exchange) {
        return OptimisticPass.deferred(exchange, this, PassKeys.class, PassKeys::new);
    }

    /** The keys one optimistic pass added, inserted together before it commits. */
    private final class PassKeys implements OptimisticPass.Deferred {

        private final Set<String> keys = new LinkedHashSet<>();

        @Override
        public void beforeCommit() {
            if (keys.isEmpty()) {
                return;
            }
            Timestamp now = new Timestamp(System.currentTimeMillis());
            List<Object[]> rows = keys.stream().map(key -> new Object[] {processorName, key, now}).toList();
            jdbcTemplate.batchUpdate(INSERT, rows);
        }
    }
}
