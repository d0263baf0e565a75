package io.orderflow.reliability;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells an infrastructure fault (the database cannot be reached, its connection broke) from a fault of the record.
 * A database that is away is the application's problem, not the record's: such a failure is neither retried on the
 * spot nor dead-lettered; the whole poll batch is rolled back and read again once the database answers.
 */
public final class Unavailable {

    private Unavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 08 (connection exception), and PostgreSQL's 57P0x (server shutting down or starting). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
