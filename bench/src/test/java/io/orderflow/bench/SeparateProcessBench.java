package io.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Level;

import io.orderflow.app.kafka.EmbeddedKafkaBroker;

/**
 * The phases that run the application as its own process ({@link MeasuredApp}), against one {@link AppDatabase}:
 * <ol>
 * <li>start to health UP against a broker that already runs ({@code startupRuns} times: the production shape,
 * where the broker is not the application's to start; the first start creates the topics, as a first deployment
 * does), then with the embedded broker ({@code startupRuns} times); fresh data directory and database each
 * time; on the last start, closed-loop {@code POST /api/orders} with the pipeline live ({@link RestLoad}), sampling RSS and heap;</li>
 * <li>on a new start, the same load with the stage consumers stopped through the application's route control API
 * ({@code POST /api/routes/{id}/stop} for each pipeline stage's Kafka route, as an operator would);</li>
 * <li>on a new start, open-loop orders through {@code POST /api/orders} until DELIVERED ({@link PacedOrders},
 * {@link DeliveredEvents}) at rising offered rates until one is not sustained; {@code e2eLatencyRate} (500/s)
 * gives the latency and the application's CPU per order;</li>
 * <li>opt-in ({@code dbsize}): on a new start, orders at {@code dbRate} for {@code dbRunMinutes}, the database's
 * size sampled every {@code dbSampleSeconds}.</li>
 * </ol>
 */
final class SeparateProcessBench {

    private final BenchConfig config;
    private final AppDatabase database;
    private final Path work;
    private final BenchLog log;
    private final String token = "bench-" + UUID.randomUUID();
    private int nextRun = 1;

    /** The application's H2 housekeeping thread (named in {@code H2StoreHousekeeping}); none on PostgreSQL. */
    private static final String H2_HOUSEKEEPING_THREAD = "h2-housekeeping";

    private final List<Double> startupMs = new ArrayList<>();
    private final List<Double> externalBrokerStartupMs = new ArrayList<>();
    private final List<Double> shutdownMs = new ArrayList<>();
    private final List<Map<String, Double>> startupBreakdown = new ArrayList<>();
    private final List<Map<String, Object>> liveWindows = new ArrayList<>();
    private final List<Map<String, Object>> pausedWindows = new ArrayList<>();
    private final List<String> pausedRoutes = new ArrayList<>();
    private final List<Map<String, Object>> probes = new ArrayList<>();
    private final List<Map<String, Object>> databaseSamples = new ArrayList<>();
    private double sizeAfterStopMib = -1;
    private final Map<String, String> loadAverages = new LinkedHashMap<>();
    private int maxSustained = -1;
    private long peakRssKb = -1;
    private long idleRssKb = -1;
    private double[] heapPeaks = {Double.NaN, Double.NaN, Double.NaN};

    SeparateProcessBench(BenchConfig config, AppDatabase database, Path work, BenchLog log) {
        this.config = config;
        this.database = database;
        this.work = work;
        this.log = log;
    }

    void run() throws Exception {
        if (config.runs("process")) {
            startupWithExternalBroker();
            startupAndLiveRest();
            pausedRest();
            endToEnd();
        }
        if (config.runs("dbsize")) {
            databaseSize();
        }
    }

    // ------------------------------------------------------------------------------------------------ phases

    private void startupWithExternalBroker() throws Exception {
        // the broker runs in this JVM, whose logging is logback's default (everything at DEBUG on stdout) until an
        // in-process application configures it: a broker's chatter would bury the benchmark's own lines
        for (String name : List.of("kafka", "org.apache.kafka", "org.apache.zookeeper")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve(database.name() + "-broker"), 0)) {
            for (int i = 0; i < config.startupRuns(); i++) {
                String name = "external-broker-" + i;
                Path dataDir = work.resolve(database.name() + "-" + name);
                MeasuredApp app = start(name, dataDir, database.fresh(dataDir),
                        Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
                externalBrokerStartupMs.add((double) app.startupMs());
                stop(app);
            }
        }
    }

    private void startupAndLiveRest() throws Exception {
        MeasuredApp app = null;
        try {
            for (int i = 0; i < config.startupRuns(); i++) {
                app = start("process-" + i);
                startupMs.add((double) app.startupMs());
                Map<String, Double> parts = startupParts(logFile("process-" + i));
                startupBreakdown.add(parts);
                log.log("[%s] start %d: ready in %d ms (pid %d) %s", database.name(), i + 1, app.startupMs(),
                        app.pid(), parts);
                if (i < config.startupRuns() - 1) {
                    stop(app);
                }
            }
            idleRssKb = app.rssKb()[0];
            MeasuredApp measured = app;
            heapPeaks = withHeapSampler(app, () -> closedLoopRest(measured, "live", liveWindows));
            peakRssKb = app.rssKb()[1];
        } finally {
            if (app != null) {
                stop(app);
            }
        }
    }

    private void pausedRest() throws Exception {
        MeasuredApp app = start("paused");
        try {
            for (JsonNode route : app.callJson("GET", "/api/routes", token).path("routes")) {
                if (!route.path("stage").isNull() && route.path("from").asText().startsWith("kafka:")) {
                    String id = route.path("id").asText();
                    JsonNode outcome = app.callJson("POST", "/api/routes/" + id + "/stop", token);
                    pausedRoutes.add(id + " " + outcome.path("before").asText() + "->"
                            + outcome.path("after").asText());
                }
            }
            if (pausedRoutes.isEmpty()) {
                throw new IllegalStateException("GET /api/routes named no stage consumer route to stop");
            }
            log.log("[%s] stage consumers stopped: %s", database.name(), pausedRoutes);
            closedLoopRest(app, "stages stopped", pausedWindows);
        } finally {
            stop(app);
        }
    }

    private void endToEnd() throws Exception {
        MeasuredApp app = start("e2e");
        try (DeliveredEvents events = new DeliveredEvents(app.bootstrapServers())) {
            PacedOrders paced = new PacedOrders(app.httpPort(), config.pacedConnections());
            int first = config.e2eRates().get(0);
            if (!config.e2eRates().contains(config.e2eLatencyRate())) {
                throw new IllegalArgumentException("bench.e2eRates must contain bench.e2eLatencyRate");
            }
            if (config.e2eWarmupSeconds() > 0) {
                Map<String, Object> warm = pacedRun(app, events, paced, first, config.e2eWarmupSeconds());
                log.log("[%s] REST end-to-end warm-up @ %d/s: p50 %s p99 %s ms, sustained %s", database.name(),
                        first, warm.get("p50"), warm.get("p99"), warm.get("sustained"));
            }
            boolean held = true;
            for (int rate : config.e2eRates()) {
                if (!held && rate != config.e2eLatencyRate()) {
                    continue; // beyond the first rate that failed, only the latency rate still runs
                }
                Map<String, Object> m = pacedRun(app, events, paced, rate, config.e2eSeconds());
                probes.add(m);
                log.log("[%s] REST end-to-end @ %d/s: p50 %s p95 %s p99 %s max %s ms, delivered %s/s, backlog %s/s,"
                                + " placed %s failed %s skipped %s, app CPU %s ms/order (JIT compiling %s),"
                                + " sustained %s",
                        database.name(), rate, m.get("p50"), m.get("p95"), m.get("p99"), m.get("max"),
                        m.get("achieved_per_s"), m.get("backlog_growth_per_s"), m.get("placed"), m.get("failed"),
                        m.get("skipped"), m.get("app_cpu_ms_per_order"), m.get("app_jit_cpu_ms_per_order"),
                        m.get("sustained"));
                if (held && Boolean.TRUE.equals(m.get("sustained"))) {
                    maxSustained = rate;
                } else if (held) {
                    held = false;
                }
                if (!held && probes.stream().anyMatch(p -> rateOf(p) == config.e2eLatencyRate())) {
                    break;
                }
            }
        } finally {
            stop(app);
        }
    }

    private void databaseSize() throws Exception {
        Path dataDir = work.resolve(database.name() + "-dbsize");
        AppDatabase.Instance db = database.fresh(dataDir);
        MeasuredApp app = start("dbsize", dataDir, db);
        try (DeliveredEvents events = new DeliveredEvents(app.bootstrapServers())) {
            PacedOrders paced = new PacedOrders(app.httpPort(), config.pacedConnections());
            RunTracker run = new RunTracker(nextRun++,
                    (int) Math.max(1, Math.round(config.dbRate() * config.dbRunMinutes() * 60)));
            long started = System.nanoTime();
            sampleDatabase(app, db, started, 0, 0);
            PacedOrders.Placing placing = paced.start(run, config.dbRate(), events, drainMs());
            long interval = Math.max(1, (long) (config.dbSampleSeconds() * 1e9));
            for (long next = started + interval; next < placing.scheduleEnd(); next += interval) {
                TimeUnit.NANOSECONDS.sleep(next - System.nanoTime()); // the sampling interval: a schedule
                sampleDatabase(app, db, started, placing.placed(), run.done());
            }
            placing.awaitIssued();
            awaitDrained(run);
            sampleDatabase(app, db, started, placing.placed(), run.done());
        } finally {
            stop(app);
        }
        // H2 compacts its file when it closes: what that takes away is the space its housekeeping left unused
        sizeAfterStopMib = Stats.round(db.sizeBytes() / (1024.0 * 1024), 2);
        log.log("[%s] database size after the application stopped: %s MiB", database.name(), sizeAfterStopMib);
    }

    // ------------------------------------------------------------------------------------------------ parts

    private MeasuredApp start(String name) throws Exception {
        Path dataDir = work.resolve(database.name() + "-" + name);
        return start(name, dataDir, database.fresh(dataDir));
    }

    private MeasuredApp start(String name, Path dataDir, AppDatabase.Instance db) throws Exception {
        return start(name, dataDir, db, Map.of());
    }

    private MeasuredApp start(String name, Path dataDir, AppDatabase.Instance db, Map<String, String> environment)
            throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("ORDERFLOW_OPERATOR_TOKEN", token);
        List<String> args = new ArrayList<>(config.appArgs());
        args.addAll(db.appArgs());
        Path jar = config.appJar();
        MeasuredApp app = MeasuredApp.start(jar, jar == null ? BenchConfig.applicationClasspath() : null,
                config.appJvmArgs(), args, env, dataDir, logFile(name),
                180_000);
        // the machine is shared: how busy it was when each phase began is part of the result
        String load = Benchmark.loadAverage();
        loadAverages.put(name, load);
        log.log("[%s] %s: app up in %d ms, load average %s", database.name(), name, app.startupMs(), load);
        return app;
    }

    private Path logFile(String name) {
        return config.outputDir().resolve("app-" + database.name().toLowerCase() + "-" + name + ".log");
    }

    private void stop(MeasuredApp app) throws InterruptedException {
        if (config.gracefulStop()) {
            long ms = app.stop();
            shutdownMs.add((double) ms);
            log.log("[%s] graceful shutdown took %d ms", database.name(), ms);
        } else {
            app.kill();
        }
    }

    /** Closed-loop REST load: warm-up, then {@code restRuns} windows, each with the DELIVERED rate and app CPU. */
    private void closedLoopRest(MeasuredApp app, String label, List<Map<String, Object>> windows) throws Exception {
        Path jfr = config.outputDir().resolve("rest-" + database.name().toLowerCase() + "-"
                + label.replace(' ', '-') + ".jfr");
        try (RestLoad load = new RestLoad(app.httpPort(), config.restConnections())) {
            load.start();
            Thread.sleep(millis(config.restWarmupSeconds())); // warm-up period: a duration, not a condition
            RestLoad.Window warm = load.swap();
            log.log("[%s] REST (%s) warm-up: %.0f req/s, %d failed", database.name(), label, warm.okPerSecond(),
                    warm.failures());
            if (config.jfr()) {
                app.jcmd("JFR.start", "name=bench", "settings=profile");
            }
            long delivered = delivered(app);
            long cpu = app.cpuMillis();
            long jit = app.jitCpuMillis();
            for (int i = 0; i < config.restRuns(); i++) {
                Thread.sleep(millis(config.restSeconds())); // measurement window
                load.awaitFirstResponse(Duration.ofSeconds(60));
                RestLoad.Window w = load.swap();
                long nowCpu = app.cpuMillis();
                double cpuPerRequest = (nowCpu - cpu) / (double) Math.max(1, w.ok());
                cpu = nowCpu;
                long nowJit = app.jitCpuMillis();
                double jitPerRequest = (nowJit - jit) / (double) Math.max(1, w.ok());
                jit = nowJit;
                long nowDelivered = delivered(app);
                double pipelineRate = (nowDelivered - delivered) / w.seconds();
                delivered = nowDelivered;
                Map<String, Object> d = w.describe();
                d.put("delivered_per_s", Stats.round(pipelineRate, 1));
                d.put("app_cpu_ms_per_request", Stats.round(cpuPerRequest, 2));
                d.put("app_cpu_cores_busy", Stats.round(cpuPerRequest * w.okPerSecond() / 1000, 2));
                d.put("app_jit_cpu_ms_per_request", Stats.round(jitPerRequest, 2));
                windows.add(d);
                log.log("[%s] REST (%s) run %d: %.0f req/s (p50 %.2f ms, p99 %.2f ms, %d failed), DELIVERED %.0f"
                                + " orders/s, app CPU %.2f ms/request (JIT compiling %.2f)", database.name(), label,
                        i + 1, w.okPerSecond(), w.percentileMs(50), w.percentileMs(99), w.failures(), pipelineRate,
                        cpuPerRequest, jitPerRequest);
            }
            if (config.jfr()) {
                app.jcmd("JFR.dump", "name=bench", "filename=" + jfr.toAbsolutePath());
                app.jcmd("JFR.stop", "name=bench");
                log.log("REST profile: %s", jfr);
            }
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} while sampling the heap; returns the peaks {used, committed, max} in MiB. */
    private static double[] withHeapSampler(MeasuredApp app, Body body) throws Exception {
        AtomicReference<double[]> peaks = new AtomicReference<>(new double[] {0, 0, Double.NaN});
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                double used = app.metric("jvm.memory.used", "area:heap");
                double committed = app.metric("jvm.memory.committed", "area:heap");
                double max = app.metric("jvm.memory.max", "area:heap");
                peaks.updateAndGet(p -> new double[] {Math.max(p[0], nanToZero(used)),
                        Math.max(p[1], nanToZero(committed)), max});
                try {
                    Thread.sleep(250); // sampling interval
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            body.run();
        } finally {
            sampler.interrupt();
            sampler.join(5_000);
        }
        double[] p = peaks.get();
        return new double[] {p[0] / (1024 * 1024), p[1] / (1024 * 1024), p[2] / (1024 * 1024)};
    }

    /**
     * One open-loop run at {@code rate} for {@code seconds}, waited for until every order is DELIVERED or the drain
     * bound after its schedule passed; latency from each order's due time, CPU of the application per order.
     */
    private Map<String, Object> pacedRun(MeasuredApp app, DeliveredEvents events, PacedOrders paced, int rate,
                                         double seconds) throws Exception {
        RunTracker run = new RunTracker(nextRun++, Math.max(1, (int) Math.round(rate * seconds)));
        long cpu = app.cpuMillis();
        long jit = app.jitCpuMillis();
        long seen = events.seen();
        long deliveredInApp = delivered(app);
        PacedOrders.Placing placing = paced.start(run, rate, events, drainMs());
        placing.awaitIssued();
        awaitDrained(run);
        long usedCpu = app.cpuMillis() - cpu;
        long usedJit = app.jitCpuMillis() - jit;
        if (events.failure() != null) {
            throw new IllegalStateException("the OrderDelivered consumer failed", events.failure());
        }
        Map<String, Object> m = run.latency(rate, Math.min(config.latencyWarmupSeconds(), seconds / 4));
        m.put("placed", placing.placed());
        m.put("failed", placing.failed());
        m.put("skipped", placing.skipped());
        m.put("delivered", run.done());
        m.put("app_cpu_ms_per_order", run.done() == 0 ? Double.NaN : Stats.round(usedCpu / (double) run.done(), 3));
        m.put("app_jit_cpu_ms_per_order",
                run.done() == 0 ? Double.NaN : Stats.round(usedJit / (double) run.done(), 3));
        // diagnostics: OrderDelivered records the consumer saw, and DELIVERED orders the app counts meanwhile
        m.put("order_delivered_records_seen", events.seen() - seen);
        m.put("app_delivered_count_delta", delivered(app) - deliveredInApp);
        // the verdict is in; the next run must not inherit this one's backlog
        long settleStart = System.nanoTime();
        long deadline = settleStart + TimeUnit.MILLISECONDS.toNanos(config.drainTimeoutMs());
        while (run.done() < placing.placed() && System.nanoTime() < deadline) {
            Thread.sleep(100); // interval between checks of a counter; ends on the condition or the deadline
        }
        boolean settled = run.done() >= placing.placed();
        m.put("backlog_cleared_after_s", Stats.round((System.nanoTime() - settleStart) / 1e9, 1));
        if (!settled) {
            log.log("[%s] @ %d/s: %d of %d placed orders still not DELIVERED after %d s more", database.name(),
                    rate, placing.placed() - run.done(), placing.placed(), config.drainTimeoutMs() / 1000);
        }
        return m;
    }

    /** Until every order of the run is DELIVERED, at most the drain bound after the end of its schedule. */
    private void awaitDrained(RunTracker run) throws InterruptedException {
        long left = run.injectionEnd() + TimeUnit.MILLISECONDS.toNanos(drainMs()) - System.nanoTime();
        run.awaitAll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }

    private long drainMs() {
        return millis(config.e2eDrainSeconds());
    }

    /**
     * The file's size with what keeping it costs: the process's CPU and its H2 housekeeping thread's, cumulative, so
     * the table can show CPU per order between samples (a smaller file bought with CPU shows there).
     */
    private void sampleDatabase(MeasuredApp app, AppDatabase.Instance db, long started, long placed, long delivered)
            throws Exception {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("minute", Stats.round((System.nanoTime() - started) / 60e9, 2));
        sample.put("placed", placed);
        sample.put("delivered", delivered);
        sample.put("size_mib", Stats.round(db.sizeBytes() / (1024.0 * 1024), 2));
        sample.put("app_cpu_ms", app.cpuMillis());
        sample.put("housekeeping_cpu_ms", app.threadCpuMillis(H2_HOUSEKEEPING_THREAD));
        databaseSamples.add(sample);
        log.log("[%s] database size: minute %s, placed %d, delivered %d, %s MiB, app CPU %s ms (housekeeping %s)",
                database.name(), sample.get("minute"), placed, delivered, sample.get("size_mib"),
                sample.get("app_cpu_ms"), sample.get("housekeeping_cpu_ms"));
    }

    /** What the application's own log says about its start: the broker's part and Spring's total. */
    private static Map<String, Double> startupParts(Path log) {
        Map<String, Double> parts = new LinkedHashMap<>();
        try {
            String text = Files.readString(log);
            Matcher broker = Pattern.compile("Embedded Kafka broker started in (\\d+) ms").matcher(text);
            if (broker.find()) {
                parts.put("embedded_broker", Double.parseDouble(broker.group(1)));
            }
            Matcher started = Pattern.compile(
                    "Started OrderflowApplication in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)")
                    .matcher(text);
            if (started.find()) {
                parts.put("spring_started", Double.parseDouble(started.group(1)) * 1000);
                parts.put("jvm_process_running", Double.parseDouble(started.group(2)) * 1000);
            }
        } catch (IOException | RuntimeException e) {
            // the breakdown is a diagnostic only
        }
        return parts;
    }

    private static long delivered(MeasuredApp app) throws IOException, InterruptedException {
        return app.getJson("/api/orders/summary").path("DELIVERED").asLong();
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    // ------------------------------------------------------------------------------------------------ results

    /** This database's column of results.json. */
    Map<String, Object> results() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("database", database.note());
        r.put("process_phase", config.runs("process"));
        r.put("startup_ms", Stats.summary(startupMs, 0));
        r.put("startup_external_broker_ms", Stats.summary(externalBrokerStartupMs, 0));
        r.put("shutdown_ms", Stats.summary(shutdownMs, 0));
        r.put("rest_requests_per_s", Stats.summary(column(liveWindows, "requests_per_s"), 1));
        r.put("rest_pipeline_orders_per_s", Stats.summary(column(liveWindows, "delivered_per_s"), 1));
        r.put("rest_app_cpu_ms_per_request", Stats.summary(column(liveWindows, "app_cpu_ms_per_request"), 2));
        r.put("rest_app_jit_cpu_ms_per_request",
                Stats.summary(column(liveWindows, "app_jit_cpu_ms_per_request"), 2));
        r.put("rest_stages_stopped_requests_per_s", Stats.summary(column(pausedWindows, "requests_per_s"), 1));
        r.put("rest_stages_stopped_app_cpu_ms_per_request",
                Stats.summary(column(pausedWindows, "app_cpu_ms_per_request"), 2));
        r.put("rest_stages_stopped_app_jit_cpu_ms_per_request",
                Stats.summary(column(pausedWindows, "app_jit_cpu_ms_per_request"), 2));
        Map<String, Object> first = probes.stream().filter(p -> rateOf(p) == config.e2eLatencyRate()).findFirst()
                .orElse(Map.of());
        Map<String, Object> e2e = new LinkedHashMap<>();
        e2e.put("max_sustained_orders_per_s", maxSustained);
        e2e.put("rate_per_s", config.e2eLatencyRate());
        e2e.put("p50_ms", first.get("p50"));
        e2e.put("p99_ms", first.get("p99"));
        e2e.put("sustained", first.get("sustained"));
        e2e.put("app_cpu_ms_per_order", first.get("app_cpu_ms_per_order"));
        e2e.put("app_jit_cpu_ms_per_order", first.get("app_jit_cpu_ms_per_order"));
        e2e.put("probes", probes);
        r.put("rest_e2e", e2e);
        r.put("peak_rss_mb", Stats.round(peakRssKb / 1024.0, 1));
        r.put("idle_rss_mb", Stats.round(idleRssKb / 1024.0, 1));
        r.put("peak_heap_used_mb", Stats.round(heapPeaks[0], 1));
        r.put("peak_heap_committed_mb", Stats.round(heapPeaks[1], 1));
        r.put("heap_max_mb", Stats.round(heapPeaks[2], 1));
        if (config.runs("dbsize")) {
            Map<String, Object> size = new LinkedHashMap<>();
            size.put("rate_per_s", config.dbRate());
            size.put("minutes", config.dbRunMinutes());
            size.put("samples", databaseSamples);
            size.put("size_after_stop_mib", sizeAfterStopMib);
            r.put("db_size", size);
        }
        r.put("startup_breakdown_ms", startupBreakdown);
        r.put("rest_windows", liveWindows);
        r.put("rest_stages_stopped_windows", pausedWindows);
        r.put("stages_stopped", pausedRoutes);
        r.put("load_average_at_each_start", loadAverages);
        return r;
    }

    private static int rateOf(Map<String, Object> probe) {
        return ((Number) probe.get("offered_per_s")).intValue();
    }

    private static List<Double> column(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(m -> ((Number) m.get(key)).doubleValue()).toList();
    }
}
