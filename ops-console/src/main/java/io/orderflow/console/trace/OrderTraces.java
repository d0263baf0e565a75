package io.orderflow.console.trace;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.orderflow.console.api.ApiException;
import io.orderflow.console.api.AppPoll;
import io.orderflow.console.api.OrderDetails;
import io.orderflow.console.api.OrderSummary;
import io.orderflow.console.api.OrderflowApi;
import io.orderflow.console.background.Background;
import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.Fx;

/**
 * The order trace's model: the recent orders to pick from (from the app), and the trace of the chosen one (read from
 * Kafka on the console's background threads) beside the app's own record of it. The console creates it; the trace
 * view only shows it. FX thread only.
 */
public final class OrderTraces {

    static final int RECENT = 100;
    static final String ANY_STATUS = "any status";

    private final OrderTracer tracer;
    private final OrderflowApi api;
    private final Background background;
    private final ObservableList<OrderSummary> recent = FXCollections.observableArrayList();
    private final StringProperty recentStatus = new SimpleStringProperty("");
    private final StringProperty orderId = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Pick a recent order, or enter an orderId, to see"
            + " its events across all topics");
    private final SimpleObjectProperty<String> health = new SimpleObjectProperty<>();
    private final StringProperty order = new SimpleStringProperty("");
    private final SimpleObjectProperty<OrderTrace> trace = new SimpleObjectProperty<>();
    /** Counts traces started, so an answer about an order no longer asked for is ignored. */
    private long generation;

    public OrderTraces(OrderTracer tracer, OrderflowApi api, Background background) {
        this.tracer = tracer;
        this.api = api;
        this.background = background;
    }

    /** Reloads the recent orders, of one status (null, blank or {@link #ANY_STATUS}: all). */
    public void loadRecent(String statusFilter) {
        String wanted = statusFilter == null || statusFilter.isBlank() || ANY_STATUS.equals(statusFilter) ? null
                : statusFilter;
        recentStatus.set(wanted == null ? "" : wanted);
        Fx.whenDone(api.recentOrders(wanted, RECENT), orders -> {
            if (recentStatus.get().equals(wanted == null ? "" : wanted)) {
                recent.setAll(orders);
            }
        }, failure -> recent.clear());
    }

    public void trace(String id) {
        String wanted = id == null ? "" : id.trim();
        if (wanted.isEmpty()) {
            return;
        }
        long asked = ++generation;
        orderId.set(wanted);
        busy.set(true);
        trace.set(null);
        health.set(null);
        status.set("Reading the topics for " + wanted + "…");
        order.set("Asking the app about " + wanted + "…");
        Fx.whenDone(background.submit(() -> tracer.trace(wanted)), done -> {
            if (asked == generation) {
                show(done);
            }
        }, failure -> {
            if (asked == generation) {
                busy.set(false);
                status.set("Trace failed: " + failure.getMessage());
                health.set("ERR");
            }
        });
        Fx.whenDone(api.order(wanted), details -> {
            if (asked == generation) {
                order.set(describe(details));
            }
        }, failure -> {
            if (asked == generation) {
                order.set(failure instanceof ApiException e && e.status() == 404 ? "The app has no order " + wanted + "."
                        : "The app's view of the order is unavailable (" + AppPoll.explain(failure) + ").");
            }
        });
    }

    private void show(OrderTrace done) {
        busy.set(false);
        trace.set(done);
        long dlt = done.hops().stream().filter(h -> h.record().isDeadLetter()).count();
        status.set(done.hops().size() + " events" + (dlt > 0 ? ", " + dlt + " dead-lettered" : "")
                + " · read " + Format.count(done.recordsScanned()) + " records in " + Format.millis(done.tookMillis())
                + (done.complete() ? "" : " · stopped at the scan budget: some events may be missing"));
        health.set(done.complete() ? null : "WARN");
    }

    private static String describe(OrderDetails details) {
        return "App: order " + details.orderId() + " is " + details.status() + " · customer " + details.customerId()
                + (details.cartId() == null ? "" : " · from cart " + details.cartId()) + " · total " + details.total()
                + " · " + (details.timeline() == null ? 0 : details.timeline().size()) + " status changes";
    }

    public ObservableList<OrderSummary> recent() {
        return recent;
    }

    ReadOnlyStringProperty orderIdProperty() {
        return orderId;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The status line's colour: null, WARN or ERR. */
    ReadOnlyObjectProperty<String> healthProperty() {
        return health;
    }

    ReadOnlyStringProperty orderProperty() {
        return order;
    }

    /** The latest finished trace, null while one runs. */
    ReadOnlyObjectProperty<OrderTrace> traceProperty() {
        return trace;
    }

    static List<String> statuses() {
        return List.of(ANY_STATUS, "CREATED", "PAID", "PAYMENT_FAILED", "DISPATCHED", "DELIVERED");
    }
}
