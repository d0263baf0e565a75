package io.orderflow.console;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

import io.orderflow.console.api.AppMonitor;
import io.orderflow.console.api.AppPoll;
import io.orderflow.console.api.OrderflowApi;
import io.orderflow.console.background.Background;
import io.orderflow.console.background.Feed;
import io.orderflow.console.background.Reachability;
import io.orderflow.console.deadletter.DeadLetterTally;
import io.orderflow.console.deadletter.DeadLetterView;
import io.orderflow.console.deadletter.ReplayJobWatch;
import io.orderflow.console.kafka.KafkaClients;
import io.orderflow.console.kafka.KafkaPolling;
import io.orderflow.console.lag.AlertBar;
import io.orderflow.console.lag.AlertLog;
import io.orderflow.console.lag.LagHistory;
import io.orderflow.console.lag.LagReport;
import io.orderflow.console.lag.LagSampler;
import io.orderflow.console.lag.LagView;
import io.orderflow.console.overview.PipelineView;
import io.orderflow.console.overview.Stage;
import io.orderflow.console.route.RouteBoard;
import io.orderflow.console.route.RoutesView;
import io.orderflow.console.trace.OrderTracer;
import io.orderflow.console.trace.OrderTraces;
import io.orderflow.console.trace.TraceView;
import io.orderflow.console.traffic.LiveTail;
import io.orderflow.console.traffic.RateHistory;
import io.orderflow.console.traffic.TrafficSample;
import io.orderflow.console.traffic.TrafficSampler;
import io.orderflow.console.traffic.TrafficView;
import io.orderflow.console.ui.Fx;

/**
 * Builds the console: the clients, the background samplers and the models feeding the views, and the window around
 * them. Views only show models; every thread, client and history is created here and stopped by {@link #close()}.
 * Create and use on the FX thread.
 */
public final class Console implements AutoCloseable {

    /** The views, in tab order. */
    public enum View {
        OVERVIEW("Overview"), TRAFFIC("Topic traffic"), LAG("Consumer lag"), DEAD_LETTERS("Dead letters"),
        ROUTES("Routes"), TRACE("Order trace");

        private final String title;

        View(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public String id() {
            return "tab-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final int PERIODIC_JOBS = 7;

    private final KafkaClients kafkaClients;
    private final Background background = new Background(PERIODIC_JOBS);
    private final LagSampler lagSampler;
    private final LiveTail liveTail;
    private final OrderTraces traces;
    private final PipelineView pipelineView;
    private final TraceView traceView;
    private final TabPane tabs = new TabPane();
    private final Map<View, Tab> tabByView = new EnumMap<>(View.class);
    private final BorderPane root = new BorderPane();

    public Console(ConsoleSettings settings) {
        kafkaClients = new KafkaClients(settings.bootstrapServers(), settings.kafkaProperties());
        OrderflowApi api = new OrderflowApi(settings.appUrl(), settings.token());
        Reachability kafka = new Reachability(settings.bootstrapServers());
        Reachability app = new Reachability(api.base().toString());
        Feed<TrafficSample> traffic = new Feed<>();
        Feed<LagReport> lag = new Feed<>();
        Feed<DeadLetterTally> deadLetters = new Feed<>();
        Feed<Map<String, Long>> orders = new Feed<>();
        AlertLog alerts = new AlertLog();
        lag.subscribe(alerts::update);
        // histories subscribe before the views, so their charts already include the sample they are redrawn for
        RateHistory rates = new RateHistory(settings.refresh());
        traffic.subscribe(rates::add);
        LagHistory lagHistory = new LagHistory(settings.refresh());
        lag.subscribe(lagHistory::add);

        lagSampler = new LagSampler(kafkaClients, settings.lagWindow());
        liveTail = new LiveTail(kafkaClients);
        traces = new OrderTraces(new OrderTracer(kafkaClients), api, background);
        ReplayJobWatch replayJobs = new ReplayJobWatch(api);
        RouteBoard routes = new RouteBoard(api);
        DeadLetterView deadLetterView = new DeadLetterView(api, app, this::trace, replayJobs);
        pipelineView = new PipelineView(traffic, rates, lag, deadLetters, orders, alerts, kafka, app,
                this::pickOrder, routes.reportProperty());
        traceView = new TraceView(traces);

        add(View.OVERVIEW, pipelineView);
        add(View.TRAFFIC, new TrafficView(traffic, rates, liveTail, kafka, this::trace));
        add(View.LAG, new LagView(lag, lagHistory, alerts, kafka, settings.refresh(), settings.lagWindow()));
        add(View.DEAD_LETTERS, deadLetterView);
        add(View.ROUTES, new RoutesView(routes, app, this::showStage));
        add(View.TRACE, traceView);
        tabs.setId("views");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        alerts.unacknowledgedProperty().addListener((obs, old, count) -> tabByView.get(View.LAG)
                .setText(View.LAG.title() + (count.intValue() > 0 ? " (" + count + " ⚠)" : "")));

        root.setTop(new AlertBar(alerts, () -> show(View.LAG)));
        root.setCenter(tabs);
        root.setBottom(new StatusBar(kafka, app, settings.token()));

        TrafficSampler trafficSampler = new TrafficSampler(kafkaClients, settings.lagWindow());
        AppMonitor appMonitor = new AppMonitor(api, app, orders);
        background.every(settings.refresh(), "traffic", KafkaPolling.into(traffic, kafka, trafficSampler::sample));
        background.every(settings.refresh(), "lag", KafkaPolling.into(lag, kafka, lagSampler::sample));
        background.every(settings.refresh(), "app", appMonitor::poll);
        // a refused token leaves the dead-letter figures unknown; the dead-letter view says why
        background.every(settings.refresh(), "dead-letter summary", AppPoll.of(api::deadLetterSummary,
                summary -> deadLetters.publish(DeadLetterTally.of(summary)), failure -> { }));
        background.every(settings.refresh(), "routes", routes.poll());
        background.every(settings.refresh(), "replay jobs", replayJobs.poll());
        // the inbox reloads while the app answers, and at once when it comes back
        background.every(settings.refresh().multipliedBy(2), "dead-letter inbox", () -> Fx.run(() -> {
            if (app.isUp()) {
                deadLetterView.refresh();
            }
        }));
        app.stateProperty().addListener((obs, old, state) -> {
            if (state == Reachability.State.UP) {
                deadLetterView.refresh();
                traces.loadRecent(null);
            }
        });
        liveTail.start();
    }

    private void add(View view, Parent content) {
        Tab tab = new Tab(view.title(), content);
        tab.setId(view.id());
        tabByView.put(view, tab);
        tabs.getTabs().add(tab);
    }

    public Parent root() {
        return root;
    }

    public void show(View view) {
        tabs.getSelectionModel().select(tabByView.get(view));
    }

    /** Opens the order trace for an order, e.g. from a dead letter or a record of the live tail. */
    public void trace(String orderId) {
        show(View.TRACE);
        traces.trace(orderId);
    }

    /** Opens the order trace with the recent orders of a status (null: all) to pick from. */
    public void pickOrder(String status) {
        show(View.TRACE);
        traceView.showRecent(status);
    }

    /** Shows a stage on the overview, e.g. the stage of a route. */
    public void showStage(String stage) {
        show(View.OVERVIEW);
        pipelineView.highlight(Stage.named(stage));
    }

    @Override
    public void close() {
        background.close();
        liveTail.close();
        lagSampler.close();
        kafkaClients.close();
    }
}
