package io.orderflow.console.route;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.orderflow.console.api.AppPoll;
import io.orderflow.console.api.OrderflowApi;
import io.orderflow.console.api.RouteAction;
import io.orderflow.console.api.RouteReport;
import io.orderflow.console.ui.Fx;
import io.orderflow.console.ui.PendingAction;

/**
 * The app's Camel routes as last reported, and route actions: each waits for the operator's confirmation, goes
 * through the app (which audits it), and is followed by a fresh report. FX thread only, except {@link #poll()}.
 */
public final class RouteBoard {

    private final OrderflowApi api;
    private final ObjectProperty<RouteReport> report = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<PendingAction> pending = new SimpleObjectProperty<>();
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty actionFailed = new SimpleBooleanProperty();

    public RouteBoard(OrderflowApi api) {
        this.api = api;
    }

    /** One polling round, for a background schedule. */
    public Runnable poll() {
        return AppPoll.of(api::routes, this::show, failure -> error.set(AppPoll.explain(failure)));
    }

    private void show(RouteReport latest) {
        error.set("");
        report.set(latest);
    }

    void request(RouteReport.RouteStats route, RouteAction action) {
        String verb = action.path();
        pending.set(new PendingAction(
                verb.substring(0, 1).toUpperCase() + verb.substring(1) + " route " + route.id() + " (now "
                        + route.state() + ")? The app records who did it.",
                List.of(consequence(route, action)), verb.substring(0, 1).toUpperCase() + verb.substring(1) + " "
                + route.id(), true, () -> apply(route.id(), action)));
    }

    private static String consequence(RouteReport.RouteStats route, RouteAction action) {
        return switch (action) {
            case STOP -> "It stops consuming " + route.from() + " after the exchanges in flight (at most 10 s);"
                    + " a stopped Kafka consumer's group lag grows until it is started again.";
            case SUSPEND -> "It pauses consuming " + route.from() + "; resume continues where it paused.";
            case START, RESUME -> "It consumes " + route.from() + " again.";
        };
    }

    private void apply(String routeId, RouteAction action) {
        actionFailed.set(false);
        outcome.set("working…");
        Fx.whenDone(api.control(routeId, action), done -> {
            outcome.set("Route " + done.routeId() + ": " + done.before() + " → " + done.after() + ".");
            Fx.whenDone(api.routes(), this::show, failure -> error.set(AppPoll.explain(failure)));
        }, failure -> {
            actionFailed.set(true);
            outcome.set("The route action failed. " + AppPoll.explain(failure));
        });
    }

    void confirm() {
        PendingAction action = pending.get();
        pending.set(null);
        if (action != null) {
            action.confirm().run();
        }
    }

    void cancel() {
        pending.set(null);
    }

    /** The latest report; the overview shows each stage's outbox from it. */
    public ReadOnlyObjectProperty<RouteReport> reportProperty() {
        return report;
    }

    StringProperty errorProperty() {
        return error;
    }

    ObjectProperty<PendingAction> pendingProperty() {
        return pending;
    }

    StringProperty outcomeProperty() {
        return outcome;
    }

    BooleanProperty actionFailedProperty() {
        return actionFailed;
    }
}
