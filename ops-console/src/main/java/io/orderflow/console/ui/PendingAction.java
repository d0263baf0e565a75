package io.orderflow.console.ui;

import java.util.List;

/**
 * An action waiting for the operator's confirmation: what it will do (for a replay, the dry run's verdict) and the
 * call that does it; not confirmable when it would do nothing (a dry run that refused everything).
 */
public record PendingAction(String summary, List<String> details, String confirmLabel, boolean confirmable,
                     Runnable confirm) {
}
