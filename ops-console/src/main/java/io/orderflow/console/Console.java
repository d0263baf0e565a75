package io.orderflow.console;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

import io.orderflow.console.api.AppMonitor;
import io.orderflow.console.api.OrderflowApi;
import io.orderflow.console.deadletter.DeadLetterCounter;
import io.orderflow.console.deadletter.DeadLetterTally;
import io.orderflow.console.deadletter.DeadLetterView;
import io.orderflow.console.kafka.KafkaClients;
import io.orderflow.console.kafka.KafkaPolling;
import io.orderflow.console.lag.AlertBar;
import io.orderflow.console.lag.AlertLog;
import io.orderflow.console.lag.LagReport;
import io.orderflow.console.lag.LagSampler;
import io.orderflow.console.lag.LagView;
import io.orderflow.console.overview.PipelineView;
import io.orderflow.console.trace.OrderTracer;
import io.orderflow.console.trace.TraceView;
import io.orderflow.console.traffic.RateHistory;
import io.orderflow.console.traffic.TrafficSample;
import io.orderflow.console.traffic.TrafficSampler;
import io.orderflow.console.traffic.TrafficView;
import io.orderflow.console.ui.Fx;

/**
 * Builds the console: the clients, the background samplers feeding the views, and the window around them. Create
 * and use on the FX thread; {@link #close()} stops every thread and client it started.
 */
public final class Console implements AutoCloseable {

    /** The views, in tab order. */
    public enum View {
        OVERVIEW("Overview"), TRAFFIC("Topic traffic"), LAG("Consumer lag"), DEAD_LETTERS("Dead letters"),
        TRACE("Order trace");

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

    private static final int PERIODIC_JOBS = 5;

    private final KafkaClients kafkaClients;
    private final Background background = new Background(PERIODIC_JOBS);
    private final LagSampler lagSampler;
    private final DeadLetterCounter deadLetterCounter;
    private final TrafficView trafficView;
    private final TraceView traceView;
    private final TabPane tabs = new TabPane();
    private final Map<View, Tab> tabByView = new EnumMap<>(View.class);
    private final BorderPane root = new BorderPane();

    public Console(ConsoleSettings settings) {
        kafkaClients = new KafkaClients(settings.bootstrapServers());
        OrderflowApi api = new OrderflowApi(settings.appUrl(), settings.token());
        Reachability kafka = new Reachability(settings.bootstrapServers());
        Reachability app = new Reachability(api.base().toString());
        Feed<TrafficSample> traffic = new Feed<>();
        Feed<LagReport> lag = new Feed<>();
        Feed<DeadLetterTally> deadLetters = new Feed<>();
        Feed<Map<String, Long>> orders = new Feed<>();
        AlertLog alerts = new AlertLog();
        lag.subscribe(alerts::update);
        // subscribed before the views, so their charts already include the sample they are redrawn for
        RateHistory rates = new RateHistory(settings.refresh());
        traffic.subscribe(rates::add);

        lagSampler = new LagSampler(kafkaClients, settings.lagWindow());
        deadLetterCounter = new DeadLetterCounter(kafkaClients);
        trafficView = new TrafficView(traffic, rates, kafkaClients, kafka);
        DeadLetterView deadLetterView = new DeadLetterView(api, app, this::trace);
        traceView = new TraceView(new OrderTracer(kafkaClients), api, background);

        add(View.OVERVIEW, new PipelineView(traffic, rates, lag, deadLetters, orders, alerts, kafka, app));
        add(View.TRAFFIC, trafficView);
        add(View.LAG, new LagView(lag, alerts, kafka, settings.refresh(), settings.lagWindow()));
        add(View.DEAD_LETTERS, deadLetterView);
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
        background.every(settings.refresh(), "dead-letter count",
                KafkaPolling.into(deadLetters, kafka, deadLetterCounter::sample));
        background.every(settings.refresh(), "app", appMonitor::poll);
        // the inbox reloads while the app answers, and at once when it comes back
        background.every(settings.refresh().multipliedBy(2), "dead-letter inbox", () -> Fx.run(() -> {
            if (app.isUp()) {
                deadLetterView.refresh();
            }
        }));
        app.stateProperty().addListener((obs, old, state) -> {
            if (state == Reachability.State.UP) {
                deadLetterView.refresh();
            }
        });
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

    /** Opens the order trace for an order, e.g. from a dead letter. */
    public void trace(String orderId) {
        show(View.TRACE);
        traceView.trace(orderId);
    }

    @Override
    public void close() {
        background.close();
        trafficView.close();
        lagSampler.close();
        deadLetterCounter.close();
        kafkaClients.close();
    }
}
