package io.orderflow.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logger of the line each stage writes per order transition (created, paid, dispatched, delivered, status
 * changes), named {@code io.orderflow.transitions} so it can be turned on and off as one. The application keeps it
 * at WARN: at 500 orders a second it would write 2,000 lines a second (a benchmark run wrote 50 MB), and the order's
 * timeline ({@code GET /api/orders/{id}}) already records every transition. {@code
 * --logging.level.io.orderflow.transitions=info} shows them.
 */
public final class TransitionLog {

    public static final Logger LOG = LoggerFactory.getLogger("io.orderflow.transitions");

    private TransitionLog() {
    }
}
