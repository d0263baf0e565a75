package io.orderflow.console.api;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderflow.console.background.Feed;
import io.orderflow.console.background.Reachability;

/**
 * Asks the app, once per round, whether it is healthy and how many orders are in each status. Runs on a
 * background thread, so it may wait for the answers; an app that does not answer marks it unreachable until a
 * later round gets through.
 */
public final class AppMonitor {

    private static final long WAIT_SECONDS = 20;

    private final OrderflowApi api;
    private final Reachability app;
    private final Feed<Map<String, Long>> orders;

    public AppMonitor(OrderflowApi api, Reachability app, Feed<Map<String, Long>> orders) {
        this.api = api;
        this.app = app;
        this.orders = orders;
    }

    public void poll() {
        try {
            String health = api.health().get(WAIT_SECONDS, TimeUnit.SECONDS);
            if ("UP".equals(health)) {
                app.up("health UP");
            } else {
                app.down("it reports health " + health);
            }
            orders.publish(api.ordersSummary().get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            app.down(e.getCause() instanceof ApiException failure ? failure.getMessage() : e.getCause().toString());
        } catch (TimeoutException e) {
            app.down("no answer within " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
