package io.orderflow.app.database;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.BelowAverageChunkRewrite;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import io.orderflow.app.DaemonThreads;

/**
 * Keeps an H2 file database bounded while the application runs.
 * <p>
 * The datasource sets {@code WRITE_DELAY=0} so that every commit is in the file before it is acknowledged (a killed
 * process must not lose an order whose offsets were committed). H2 then runs no background writer, and that writer is
 * also what rewrites the half-empty chunks each commit leaves behind and moves chunks into the gaps: without it the
 * file grew by about 100 KB per order until the next stop. This does the part of the writer's housekeeping that
 * frees space: while the store's rewritable chunks are less than 81 % live on average (H2's own threshold for a
 * busy store), it rewrites the live pages of the chunks no more live than that average, so that the chunks can be
 * dropped and their space reused, every {@code interval} on its own thread, with the bytes per run bounded (see
 * {@link BelowAverageChunkRewrite} for why not H2's public {@code compact}). (Moving chunks to shrink the file is left
 * to the compaction at stop: called from outside the writer, H2 2.3 fails an internal assertion there and closes the
 * database.)
 * <p>
 * A datasource URL with a {@code WRITE_DELAY} above 0 (H2's default is 500 ms) turns H2's writer back on. The writer
 * then keeps the file itself, and a second rewriter beside it is at best duplicate work: an in-process benchmark
 * with {@code WRITE_DELAY=20} and this housekeeping both running had H2 fail an internal assertion after six
 * minutes and close the database. So each run first asks the store, and leaves one with a writer alone (the delay
 * can be changed while the database is open, {@code SET WRITE_DELAY}); when it finds the writer on, it warns that
 * commits are no longer in the file when they are acknowledged.
 */
final class H2StoreHousekeeping implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(H2StoreHousekeeping.class);
    private static final int REWRITE_BELOW_FILL_RATE = 81;

    private final DataSource dataSource;
    private final Duration interval;
    private volatile boolean failing;
    private volatile boolean leftToH2Writer;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("h2-housekeeping"));

    H2StoreHousekeeping(DataSource dataSource, Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    @Override
    public void afterPropertiesSet() {
        executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** @return whether it rewrote any chunk */
    boolean runOnce() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = mvStore(connection);
            if (store == null || store.isClosed() || hasItsOwnWriter(store)) {
                return false;
            }
            boolean rewritten = BelowAverageChunkRewrite.rewrite(store, REWRITE_BELOW_FILL_RATE,
                    store.getAutoCommitMemory() / 4);
            failing = false;
            return rewritten;
        } catch (Exception e) {
            // the next run tries again; said once per spell, since a file that is not kept grows
            if (!failing) {
                LOG.warn("H2 housekeeping failed, the database file may grow until it works again: {}", e.toString());
            }
            failing = true;
            return false;
        }
    }

    private boolean hasItsOwnWriter(MVStore store) {
        int writeDelay = store.getAutoCommitDelay();
        boolean hasWriter = writeDelay > 0;
        if (hasWriter != leftToH2Writer) {
            leftToH2Writer = hasWriter;
            if (hasWriter) {
                LOG.warn("H2 runs with WRITE_DELAY={} ms: its own writer keeps the file, so the housekeeping stays out"
                        + " of its way; a commit reaches the file up to {} ms after it is acknowledged, so a killed"
                        + " process can lose acknowledged orders and events (set WRITE_DELAY=0, as the default"
                        + " datasource URL does)", writeDelay, writeDelay);
            } else {
                LOG.info("H2 runs with WRITE_DELAY=0 again: the housekeeping keeps the file");
            }
        }
        return hasWriter;
    }

    private static MVStore mvStore(Connection connection) throws java.sql.SQLException {
        if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                && session.getDatabase().getStore() != null) {
            return session.getDatabase().getStore().getMvStore();
        }
        return null;
    }
}
