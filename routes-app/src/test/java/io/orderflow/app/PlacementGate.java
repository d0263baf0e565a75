package io.orderflow.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.api.Trigger;

/**
 * An H2 trigger on {@code orders} for tests that need a group of a known shape: an insert for customer
 * {@code gate-...} holds the order placement writer inside its transaction until {@link #open} (after {@link #shut}), so the requests sent
 * meanwhile queue up and form the next group; an insert for customer {@code reject-...} fails as a violated
 * constraint would.
 */
public final class PlacementGate implements Trigger {

    private static volatile CountDownLatch held = new CountDownLatch(1);
    private static volatile CountDownLatch opened = new CountDownLatch(1);

    static void shut() {
        held = new CountDownLatch(1);
        opened = new CountDownLatch(1);
    }

    static boolean awaitHeld() throws InterruptedException {
        return held.await(30, TimeUnit.SECONDS);
    }

    static void open() {
        opened.countDown();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String customerId = String.valueOf(newRow[1]);
        if (customerId.startsWith("gate-")) {
            held.countDown();
            try {
                opened.await(30, TimeUnit.SECONDS); // bounded, so a failed test cannot wedge the writer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (customerId.startsWith("reject-")) {
            throw new SQLException("check constraint violated by " + customerId, "23513", 23513);
        }
    }
}
