package io.orderflow.console.lag;

import java.util.HashMap;
import java.util.Map;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.orderflow.console.ui.Format;

/**
 * Raises an alert whenever a group's status changes to WARN or worse, and keeps the most recent ones (newest
 * first) for the alert bar and the views. Alerts stay unacknowledged until the operator dismisses them, so a
 * problem that flickered while nobody looked is still seen. Lives on the FX thread.
 */
public final class AlertLog {

    static final int CAPACITY = 100;

    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unacknowledged = new ReadOnlyIntegerWrapper();
    private final Map<String, LagStatus> lastStatus = new HashMap<>();

    public void update(LagReport report) {
        Map<String, LagStatus> seen = new HashMap<>();
        for (GroupLag group : report.groups()) {
            LagStatus status = group.status();
            LagStatus previous = lastStatus.get(group.group());
            seen.put(group.group(), status);
            if (status.isProblem() && status != previous) {
                raise(new Alert(report.at(), group.group(), previous, status, describe(group)));
            }
        }
        lastStatus.clear();
        lastStatus.putAll(seen);
    }

    private static String describe(GroupLag group) {
        PartitionLag worst = group.worst();
        return worst.topic() + "-" + worst.partition() + " " + worst.status() + ": lag " + Format.count(worst.lag())
                + (worst.lagMillis() == null ? "" : " (" + Format.millis(worst.lagMillis()) + ")")
                + " — " + worst.status().meaning();
    }

    private void raise(Alert alert) {
        alerts.add(0, alert);
        if (alerts.size() > CAPACITY) {
            alerts.remove(CAPACITY, alerts.size());
        }
        unacknowledged.set(Math.min(CAPACITY, unacknowledged.get() + 1));
    }

    public void acknowledgeAll() {
        unacknowledged.set(0);
    }

    public ObservableList<Alert> alerts() {
        return FXCollections.unmodifiableObservableList(alerts);
    }

    public ReadOnlyIntegerProperty unacknowledgedProperty() {
        return unacknowledged.getReadOnlyProperty();
    }
}
