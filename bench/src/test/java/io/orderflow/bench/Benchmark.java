package io.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.contract.Topic;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.StageRouteBuilder;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The Orderflow benchmark (issue 5): the Kafka ceiling, the pipeline's saturation throughput and latency at fixed
 * offered rates, {@code POST /api/orders} throughput, startup time and memory. Writes {@code results.json} and a
 * table; asserts nothing about speed.
 *
 * <p>Phases:
 * <ol>
 * <li><b>Separate process</b> ({@code java -jar routes-app.jar}): time from process start to
 * {@code /actuator/health} UP (fresh data directory each time, so the broker formats its log like a first start),
 * then closed-loop {@code POST /api/orders} on keep-alive connections from {@link RestLoad}, while sampling RSS
 * and heap; orders placed this way flow through the whole pipeline, so the DELIVERED count gives the end-to-end
 * REST-driven rate too.</li>
 * <li><b>In process</b> ({@link InProcessApp}): order rows are inserted first through the application's own
 * repository (not timed), then OrderCreated envelopes are produced to {@code order-events}; an order counts when
 * the order stage committed DELIVERED ({@link DeliveredNotifier}). The ceiling ({@link CeilingRelay}) runs the
 * same hops on its own topics of the same broker in the same JVM. Saturation = a burst of orders, rate measured
 * between the 10th and 90th percentile of completions; latency = open-loop injection at a fixed rate, measured
 * from each order's due time.</li>
 * </ol>
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BenchConfig config;
    private final PrintStream out;
    private final Path work;
    private int nextRun = 1;
    private final long created = System.nanoTime();

    // separate process: one column per database, name -> results (or {"skipped": why})
    private final Map<String, Map<String, Object>> processColumns = new LinkedHashMap<>();
    // in process
    private long inProcessStartupMs;
    private double warmupSeconds;
    private double warmupJitShare;
    private final List<Double> ceilingRates = new ArrayList<>();
    private final List<Double> pipelineRates = new ArrayList<>();
    private final List<Double> ratios = new ArrayList<>();
    private final List<Double> ceilingSyncRates = new ArrayList<>();
    private final Map<Integer, List<Map<String, Object>>> latencyRuns = new LinkedHashMap<>();
    private final Map<Integer, List<Map<String, Object>>> ceilingLatencyRuns = new LinkedHashMap<>();
    private int maxSustainedRate = -1;
    private boolean maxSustainedFound;
    private final List<Map<String, Object>> maxSustainedProbes = new ArrayList<>();
    private final List<String> verificationFailures = new ArrayList<>();
    private final Map<String, Object> clientSettings = new LinkedHashMap<>();
    private final List<Double> databaseWritesPerOrder = new ArrayList<>();
    /** CPU microseconds per order by thread group, of the last saturation run of each kind. */
    private final Map<String, Map<String, Double>> cpuPerOrder = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> databaseAfterGroup = new LinkedHashMap<>();

    Benchmark(BenchConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.work = config.outputDir().resolve("work");
    }

    public static void main(String[] args) throws Exception {
        Path json = new Benchmark(BenchConfig.fromSystemProperties(), System.out).run();
        System.out.println("results: " + json.toAbsolutePath());
        System.exit(0); // the in-process application leaves non-daemon Kafka threads behind
    }

    /** Runs every phase; returns the path of results.json. */
    Path run() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(config.outputDir());
        deleteRecursively(work);
        Files.createDirectories(work);
        log("mode %s, %d cores, output %s", config.mode(), Runtime.getRuntime().availableProcessors(),
                config.outputDir().toAbsolutePath());

        if (config.runs("process") || config.runs("dbsize")) {
            separateProcessPhase();
        }
        if (config.runs("inprocess")) {
            inProcessPhase();
        }

        Map<String, Object> results = results((System.nanoTime() - started) / 1e9);
        Path json = config.outputDir().resolve("results.json");
        JSON.writeValue(json.toFile(), results);
        String table = table(results);
        Files.writeString(config.outputDir().resolve("results.txt"), table);
        out.println(table);
        deleteRecursively(work);
        return json;
    }

    // ------------------------------------------------------------------------------------------------ process

    private void separateProcessPhase() throws Exception {
        log("separate process: %s, databases %s", config.appJar() != null ? "java -jar " + config.appJar()
                : "java -cp <module classpath> OrderflowApplication", config.databases());
        for (String name : config.databases()) {
            switch (name) {
                case "h2" -> processColumn(AppDatabase.H2);
                case "postgresql" -> postgresColumn();
                default -> throw new IllegalArgumentException("bench.databases: no database " + name);
            }
        }
    }

    private void processColumn(AppDatabase database) throws Exception {
        SeparateProcessBench bench = new SeparateProcessBench(config, database, work, this::log);
        bench.run();
        processColumns.put(database.name(), bench.results());
    }

    /**
     * The PostgreSQL column: a throwaway server for its duration. When it cannot be set up (or, in a full run, a
     * phase fails on it), the column says why instead of failing the run, unless {@code requireAllDatabases}.
     */
    private void postgresColumn() throws Exception {
        String name = "PostgreSQL";
        LocalPostgres postgres;
        try {
            postgres = LocalPostgres.start(withPostgresScript(), config.outputDir().resolve("postgres.log"), 600_000);
        } catch (IOException e) {
            if (config.requireAllDatabases()) {
                throw e;
            }
            log("PostgreSQL column skipped: %s", e.getMessage());
            processColumns.put(name, Map.of("skipped", String.valueOf(e.getMessage())));
            return;
        }
        try (postgres) {
            log("PostgreSQL: %s", postgres.note());
            processColumn(postgres);
        } catch (Exception e) {
            if (config.requireAllDatabases()) {
                throw e;
            }
            log("PostgreSQL column failed: %s", e);
            processColumns.put(name, Map.of("skipped", "failed: " + e));
        }
    }

    /** {@code scripts/with-postgres.sh} of this checkout, looked up from the working directory upwards. */
    private static Path withPostgresScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts").resolve("with-postgres.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        return Path.of("scripts", "with-postgres.sh");
    }

    // ----------------------------------------------------------------------------------------------- in-process

    private interface Group {
        void run(Runs runs) throws Exception;
    }

    /**
     * Runs {@code body} against an in-process application. With {@code freshAppPerGroup} each group gets a new
     * application on an empty data directory (a new broker and database) in this same JVM, whose JIT stays warm:
     * the embedded H2 store slows down as it ages (see README), and an overload run must not handicap the next.
     */
    private void group(String name, Group body) throws Exception {
        if (!config.freshAppPerGroup() && sharedRuns != null) {
            body.run(sharedRuns);
            return;
        }
        Path dataDir = work.resolve("inprocess-" + name);
        InProcessApp app = InProcessApp.start(dataDir, loggingConfig, config.appArgs());
        if (inProcessStartupMs == 0) {
            inProcessStartupMs = app.startupMs();
        }
        log("[%s] in-process application up in %d ms", name, app.startupMs());
        OrderflowProperties properties = app.properties();
        CeilingRelay.createTopics(app.clientConfig(), properties.kafka().partitions(),
                properties.kafka().replicationFactor());
        Properties producer = app.producerProperties();
        Properties consumer = app.consumerProperties(StageRouteBuilder.kafkaRouteId(PaymentRoutes.STAGE));
        if (clientSettings.isEmpty()) {
            for (String key : List.of("acks", "enable.idempotence", "linger.ms", "batch.size",
                    "max.in.flight.requests.per.connection", "compression.type")) {
                clientSettings.put("producer." + key, producer.get(key));
            }
            for (String key : List.of("max.poll.records", "fetch.min.bytes", "fetch.max.wait.ms",
                    "enable.auto.commit")) {
                clientSettings.put("consumer." + key, consumer.get(key));
            }
            clientSettings.put("partitions", properties.kafka().partitions());
            clientSettings.put("database", app.databaseSettings().get("WRITE_DELAY") == null ? "?"
                    : "H2, WRITE_DELAY=" + app.databaseSettings().get("WRITE_DELAY"));
        }
        OrderInjector injector = new OrderInjector(producer, app.codec());
        CeilingRelay ceiling = new CeilingRelay(consumer, producer, app.codec());
        Runs runs = new Runs(app, injector, ceiling);
        try {
            ceiling.start();
            // consumers join their groups and find their partitions before anything is measured
            runs.ceilingBurst(config.minOrders(), CeilingRelay.Mode.BATCHED);
            runs.pipelineBurst(config.minOrders());
            if (!config.freshAppPerGroup()) {
                sharedRuns = runs;
                body.run(runs);
                return;
            }
            body.run(runs);
            databaseAfterGroup.put(name, app.databaseSettings());
            log("[%s] database afterwards: %s", name, databaseAfterGroup.get(name));
        } finally {
            if (config.freshAppPerGroup()) {
                closeApp(runs);
                deleteRecursively(dataDir);
            }
        }
    }

    private Runs sharedRuns;
    private Path loggingConfig;

    private void closeApp(Runs runs) {
        runs.ceiling.close();
        runs.injector.close();
        runs.app.close();
    }

    private void inProcessPhase() throws Exception {
        loggingConfig = config.appLogToFile() ? writeLoggingConfig() : null;
        try {
            inProcessGroups();
        } finally {
            if (sharedRuns != null) {
                databaseAfterGroup.put("all", sharedRuns.app.databaseSettings());
                closeApp(sharedRuns);
            }
        }
    }

    private void inProcessGroups() throws Exception {
        // warm-up: until the JIT has compiled the hot paths of both (it keeps a core busy for minutes)
        double[] estimates = new double[2];
        group("warmup", runs -> {
            long warmupStart = System.nanoTime();
            int ceilingWarm = config.warmupCeilingOrders();
            int pipelineWarm = config.warmupPipelineOrders();
            int round = 0;
            while (true) {
                long jitBefore = jitMillis();
                long roundStart = System.nanoTime();
                estimates[0] = runs.ceilingBurst(ceilingWarm, CeilingRelay.Mode.BATCHED);
                estimates[1] = runs.pipelineBurst(pipelineWarm);
                double jitShare = (jitMillis() - jitBefore) / ((System.nanoTime() - roundStart) / 1e6);
                round++;
                log("warm-up %d: ceiling %.0f orders/s, pipeline %.0f orders/s, JIT busy %.0f%% of a core",
                        round, estimates[0], estimates[1], 100 * jitShare);
                double elapsed = (System.nanoTime() - warmupStart) / 1e9;
                if (jitShare < config.warmupJitShare() || elapsed >= config.maxWarmupSeconds()) {
                    warmupSeconds = elapsed;
                    warmupJitShare = jitShare;
                    return;
                }
                ceilingWarm = (int) Math.min(config.maxCeilingOrders(), Math.max(ceilingWarm, estimates[0] * 3));
                pipelineWarm = (int) Math.min(config.maxPipelineOrders(),
                        Math.max(config.minOrders(), estimates[1] * 3));
            }
        });
        int ceilingOrders = size(estimates[0], config.maxCeilingOrders());
        int pipelineOrders = size(estimates[1], config.maxPipelineOrders());

        group("saturation", runs -> {
            for (int i = 0; i < config.saturationRuns(); i++) {
                double c = runs.ceilingBurst(ceilingOrders, CeilingRelay.Mode.BATCHED);
                Map<String, String> before = runs.app.databaseSettings();
                double p = runs.pipelineBurst(pipelineOrders);
                databaseWritesPerOrder.add(writesPerOrder(before, runs.app.databaseSettings(), pipelineOrders));
                ceilingRates.add(c);
                pipelineRates.add(p);
                ratios.add(p / c);
                log("saturation %d: ceiling %.0f orders/s (%d orders), pipeline %.0f orders/s (%d orders), "
                        + "ratio %.3f", i + 1, c, ceilingOrders, p, pipelineOrders, p / c);
                log("  CPU us/order ceiling %s", cpuPerOrder.get("ceiling"));
                log("  CPU us/order pipeline %s", cpuPerOrder.get("pipeline"));
            }
            double sync = runs.ceilingBurst(size(Stats.median(pipelineRates) * 3, config.maxCeilingOrders()),
                    CeilingRelay.Mode.SYNC);
            ceilingSyncRates.add(sync);
            log("ceiling with a synchronous send per event (diagnostic): %.0f orders/s", sync);
            if (config.jfr()) {
                profile("pipeline-saturation.jfr", () -> runs.pipelineBurst(pipelineOrders));
                profile("ceiling-saturation.jfr", () -> runs.ceilingBurst(ceilingOrders, CeilingRelay.Mode.BATCHED));
            }
        });

        for (int rate : config.latencyRates()) {
            group("latency-" + rate, runs -> {
                for (int i = 0; i < config.latencyRuns(); i++) {
                    Map<String, Object> m = runs.pipelinePaced(rate, config.latencySeconds());
                    latencyRuns.computeIfAbsent(rate, r -> new ArrayList<>()).add(m);
                    logLatency("pipeline", rate, i + 1, m);
                    if (clearlyOverloaded(m, rate)) {
                        log("  %d/s is far beyond what the pipeline sustains: no more runs at this rate", rate);
                        break;
                    }
                }
                Map<String, Object> c = runs.ceilingPaced(rate, config.ceilingLatencySeconds());
                ceilingLatencyRuns.computeIfAbsent(rate, r -> new ArrayList<>()).add(c);
                logLatency("ceiling", rate, 1, c);
            });
        }
        if (config.maxSustainedProbes() > 0) {
            group("max-sustained", this::findMaxSustained);
        }
    }

    /** An overload run (backlog growing by over a fifth of the offered rate) needs no repeat to be judged. */
    private static boolean clearlyOverloaded(Map<String, Object> m, int rate) {
        return !Boolean.TRUE.equals(m.get("sustained"))
                && ((Number) m.get("backlog_growth_per_s")).doubleValue() > 0.2 * rate;
    }

    /** Highest offered rate (10 orders/s steps) without backlog growth, searching down from 95% of saturation. */
    private void findMaxSustained(Runs runs) throws Exception {
        // a burst of few orders committed in one batch can measure an absurd rate: no probe beyond maxPipelineOrders
        int candidate = roundTo10(Math.min(0.95 * Stats.median(pipelineRates),
                config.maxPipelineOrders() / config.latencySeconds()));
        Map<String, Object> accepted = null;
        for (int probe = 0; probe < config.maxSustainedProbes() && candidate >= 10; probe++) {
            Map<String, Object> m = runs.pipelinePaced(candidate, config.latencySeconds());
            m.put("offered_per_s", candidate);
            maxSustainedProbes.add(m);
            logLatency("probe", candidate, probe + 1, m);
            if (Boolean.TRUE.equals(m.get("sustained"))) {
                accepted = m;
                maxSustainedFound = true;
                break;
            }
            if (probe < config.maxSustainedProbes() - 1) {
                candidate = roundTo10(candidate * 0.9);
            } else {
                accepted = m; // none held: report the last probe, marked not sustained
            }
        }
        if (accepted == null) {
            return;
        }
        maxSustainedRate = candidate;
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(accepted);
        for (int i = 1; i < config.latencyRuns(); i++) {
            Map<String, Object> m = runs.pipelinePaced(candidate, config.latencySeconds());
            list.add(m);
            logLatency("pipeline", candidate, i + 1, m);
        }
        latencyRuns.computeIfAbsent(candidate, r -> new ArrayList<>()).addAll(list);
    }

    private interface ThrowingRun {
        void run() throws Exception;
    }

    private void profile(String file, ThrowingRun body) throws Exception {
        Path target = config.outputDir().resolve(file);
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setToDisk(true);
            recording.start();
            body.run();
            recording.stop();
            recording.dump(target);
        }
        log("profile: %s", target);
    }

    /** The runs of the in-process phase; each waits until every order it injected is DELIVERED. */
    private final class Runs {
        private final InProcessApp app;
        private final OrderInjector injector;
        private final CeilingRelay ceiling;

        Runs(InProcessApp app, OrderInjector injector, CeilingRelay ceiling) {
            this.app = app;
            this.injector = injector;
            this.ceiling = ceiling;
        }

        double pipelineBurst(int orders) throws Exception {
            RunTracker run = pipelineRun(orders);
            List<ProducerRecord<String, String>> records = injector.prepare(run, Topic.ORDER.topicName());
            ThreadCpu before = ThreadCpu.snapshot();
            injector.burst(run, records);
            awaitPipeline(run);
            cpuPerOrder.put("pipeline", ThreadCpu.snapshot().perOrderSince(before, orders));
            return run.sustainedRate();
        }

        Map<String, Object> pipelinePaced(int rate, double seconds) throws Exception {
            RunTracker run = pipelineRun(Math.max(1, (int) Math.round(rate * seconds)));
            List<ProducerRecord<String, String>> records = injector.prepare(run, Topic.ORDER.topicName());
            injector.paced(run, records, rate);
            awaitPipeline(run);
            return run.latency(rate, config.latencyWarmupSeconds());
        }

        double ceilingBurst(int orders, CeilingRelay.Mode mode) throws Exception {
            RunTracker run = new RunTracker(nextRun++, orders);
            List<ProducerRecord<String, String>> records = injector.prepare(run, CeilingRelay.topic(Topic.ORDER));
            ceiling.track(run, mode);
            ThreadCpu before = ThreadCpu.snapshot();
            injector.burst(run, records);
            awaitCeiling(run);
            cpuPerOrder.put(mode == CeilingRelay.Mode.BATCHED ? "ceiling" : "ceiling_sync_send",
                    ThreadCpu.snapshot().perOrderSince(before, orders));
            return run.sustainedRate();
        }

        Map<String, Object> ceilingPaced(int rate, double seconds) throws Exception {
            RunTracker run = new RunTracker(nextRun++, Math.max(1, (int) Math.round(rate * seconds)));
            List<ProducerRecord<String, String>> records = injector.prepare(run, CeilingRelay.topic(Topic.ORDER));
            ceiling.track(run, CeilingRelay.Mode.BATCHED);
            injector.paced(run, records, rate);
            awaitCeiling(run);
            return run.latency(rate, config.latencyWarmupSeconds());
        }

        /** A new run whose order rows exist (CREATED), tracked by the delivery notifier. */
        private RunTracker pipelineRun(int orders) {
            RunTracker run = new RunTracker(nextRun++, orders);
            app.insertOrders(run);
            app.notifier().track(run);
            return run;
        }

        private void awaitPipeline(RunTracker run) throws Exception {
            boolean all = run.awaitAll(config.drainTimeoutMs());
            app.notifier().track(null);
            if (!all) {
                throw new IllegalStateException("pipeline run " + run.run() + ": only " + run.done() + " of "
                        + run.size() + " orders DELIVERED within " + config.drainTimeoutMs() + " ms");
            }
            // The notifier counts an OrderDelivered when its batch commits; an OrderDelivered read before its
            // OrderDispatched (other topics, no order between them) waits and is applied with the dispatch a moment
            // later. So the database gets until a deadline to agree; an order still missing then is a failure.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long inDb = app.countDelivered(run);
            while (inDb != run.size() && System.nanoTime() < deadline) {
                Thread.sleep(50); // interval between checks; the loop ends on agreement or the deadline
                inDb = app.countDelivered(run);
            }
            if (inDb != run.size()) {
                verificationFailures.add("run " + run.run() + ": " + inDb + " of " + run.size()
                        + " DELIVERED in the database");
            }
        }

        private void awaitCeiling(RunTracker run) throws Exception {
            long deadline = System.nanoTime() + config.drainTimeoutMs() * 1_000_000;
            while (!run.awaitAll(200)) {
                if (ceiling.failure() != null) {
                    throw new IllegalStateException("ceiling relay failed", ceiling.failure());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ceiling run " + run.run() + ": only " + run.done() + " of "
                            + run.size() + " orders delivered");
                }
            }
            ceiling.track(null, CeilingRelay.Mode.BATCHED);
        }
    }

    private int size(double ratePerSecond, int max) {
        double n = Double.isNaN(ratePerSecond) ? config.minOrders() : ratePerSecond * config.saturationSeconds();
        return (int) Math.max(config.minOrders(), Math.min(max, Math.round(n)));
    }

    // ------------------------------------------------------------------------------------------------ results

    @SuppressWarnings("unchecked")
    private Map<String, Object> results(double elapsedSeconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mode", config.mode());
        r.put("generated_at", Instant.now().toString());
        r.put("ceiling_orders_per_s", Stats.round(Stats.median(ceilingRates), 1));
        r.put("pipeline_orders_per_s", Stats.round(Stats.median(pipelineRates), 1));
        r.put("ratio", Stats.round(Stats.median(ratios), 4));
        r.put("pipeline_app_cpu_ms_per_order", pipelineAppCpuMs());
        // the separate process's headline numbers: those of the first database measured (H2 unless left out)
        Map<String, Object> process = processColumns.values().stream().filter(c -> !c.containsKey("skipped"))
                .findFirst().orElse(Map.of());
        r.put("process_database", processColumns.entrySet().stream().filter(e -> e.getValue() == process)
                .map(Map.Entry::getKey).findFirst().orElse(null));
        for (String key : List.of("rest_requests_per_s", "rest_pipeline_orders_per_s",
                "rest_stages_stopped_requests_per_s", "startup_ms")) {
            r.put(key, median(process.get(key)));
        }
        for (String key : List.of("peak_rss_mb", "peak_heap_used_mb", "peak_heap_committed_mb")) {
            r.put(key, process.getOrDefault(key, Double.NaN));
        }
        Map<String, Object> e2e = process.get("rest_e2e") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        r.put("rest_e2e_max_sustained_orders_per_s", e2e.getOrDefault("max_sustained_orders_per_s", -1));
        r.put("rest_e2e_p50_ms", e2e.getOrDefault("p50_ms", Double.NaN));
        r.put("rest_e2e_p99_ms", e2e.getOrDefault("p99_ms", Double.NaN));
        r.put("rest_e2e_app_cpu_ms_per_order", e2e.getOrDefault("app_cpu_ms_per_order", Double.NaN));
        r.put("databases", processColumns);
        r.put("max_sustained_orders_per_s", maxSustainedRate);
        r.put("max_sustained_found", maxSustainedFound);

        Map<String, Object> latency = new LinkedHashMap<>();
        latencyRuns.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> latency.put(String.valueOf(e.getKey()), combine(e.getValue())));
        r.put("latency_ms", latency);
        Map<String, Object> ceilingLatency = new LinkedHashMap<>();
        ceilingLatencyRuns.forEach((rate, runs) -> ceilingLatency.put(String.valueOf(rate), combine(runs)));
        r.put("ceiling_latency_ms", ceilingLatency);
        r.put("ceiling_sync_send_orders_per_s", Stats.round(Stats.median(ceilingSyncRates), 1));

        Map<String, Object> spread = new LinkedHashMap<>();
        spread.put("ceiling_orders_per_s", Stats.summary(ceilingRates, 1));
        spread.put("pipeline_orders_per_s", Stats.summary(pipelineRates, 1));
        spread.put("ratio", Stats.summary(ratios, 4));
        r.put("spread", spread);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rest_connections", config.restConnections());
        details.put("paced_connections", config.pacedConnections());
        details.put("in_process_startup_ms", inProcessStartupMs);
        details.put("warmup_s", Stats.round(warmupSeconds, 1));
        details.put("warmup_last_jit_share", Stats.round(warmupJitShare, 3));
        details.put("max_sustained_probes", maxSustainedProbes);
        details.put("client_settings", clientSettings);
        details.put("h2_file_writes_per_order", Stats.summary(databaseWritesPerOrder, 2));
        details.put("h2_after_each_group", databaseAfterGroup);
        details.put("cpu_us_per_order", cpuPerOrder);
        details.put("database_verified", verificationFailures.isEmpty());
        details.put("database_verification_failures", verificationFailures);
        details.put("app", config.appJar() != null ? "java -jar " + config.appJar() : "module classpath");
        details.put("app_jvm_args", config.appJvmArgs());
        details.put("app_args", config.appArgs());
        r.put("details", details);

        // the targets of the "Performance, round two" issue (docs/benchmark.md)
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("app CPU per order <= 0.6 ms", atMost(r.get("pipeline_app_cpu_ms_per_order"), 0.6));
        targets.put("pipeline >= 2000 orders/s", atLeast(r.get("pipeline_orders_per_s"), 2000));
        targets.put("ratio >= 0.25", ratios.isEmpty() ? null : Stats.median(ratios) >= 0.25);
        targets.put("REST end-to-end >= 1500 orders/s sustained",
                atLeast(r.get("rest_e2e_max_sustained_orders_per_s"), 1500));
        targets.put("REST end-to-end @500/s p50 <= 20 ms", atMost(r.get("rest_e2e_p50_ms"), 20));
        targets.put("REST end-to-end @500/s p99 <= 100 ms", atMost(r.get("rest_e2e_p99_ms"), 100));
        targets.put("POST /api/orders, stages stopped >= 5000 req/s",
                atLeast(r.get("rest_stages_stopped_requests_per_s"), 5000));
        targets.put("ready (embedded broker) <= 6 s", atMost(r.get("startup_ms"), 6_000));
        targets.put("peak RSS <= 768 MiB", atMost(r.get("peak_rss_mb"), 768));
        r.put("targets_met", targets);

        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("load_average_at_end", loadAverage());
        machine.put("memory_gib", Stats.round(totalMemoryGib(), 1));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("bench_jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-javaagent")).toList());
        r.put("machine", machine);
        r.put("elapsed_s", Stats.round(elapsedSeconds, 1));
        return r;
    }

    /** The median of a {@link Stats#summary}, NaN when absent. */
    private static Object median(Object summary) {
        return summary instanceof Map<?, ?> m ? m.get("median") : Double.NaN;
    }

    private static Boolean atLeast(Object value, double target) {
        return value instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() >= target : null;
    }

    private static Boolean atMost(Object value, double target) {
        return value instanceof Number n && !Double.isNaN(n.doubleValue()) && n.doubleValue() > 0
                ? n.doubleValue() <= target : null;
    }

    /** CPU of the in-process application (with its broker, without the bench's threads) per order, in ms. */
    private double pipelineAppCpuMs() {
        Map<String, Double> pipeline = cpuPerOrder.get("pipeline");
        Double us = pipeline == null ? null : pipeline.get(ThreadCpu.APP);
        return us == null ? Double.NaN : Stats.round(us / 1000, 3);
    }

    /** Median of each percentile over runs, with each run's numbers kept. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> combine(List<Map<String, Object>> runs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("p50", "p95", "p99", "max", "achieved_per_s", "backlog_growth_per_s")) {
            List<Double> values = runs.stream().map(m -> ((Number) m.get(key)).doubleValue()).toList();
            out.put(key, Stats.round(Stats.median(values), 2));
        }
        out.put("sustained", runs.stream().allMatch(m -> Boolean.TRUE.equals(m.get("sustained"))));
        Map<String, Object> spread = new LinkedHashMap<>();
        for (String key : List.of("p50", "p99")) {
            List<Double> values = runs.stream().map(m -> ((Number) m.get(key)).doubleValue()).toList();
            spread.put(key, List.of(Stats.round(Stats.min(values), 2), Stats.round(Stats.max(values), 2)));
        }
        out.put("spread", spread);
        out.put("runs", runs);
        return out;
    }

    @SuppressWarnings("unchecked")
    String table(Map<String, Object> r) {
        StringBuilder t = new StringBuilder();
        Map<String, Object> spread = (Map<String, Object>) r.get("spread");
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        t.append(String.format(Locale.ROOT, "%nOrderflow benchmark (%s) - %s cores, %s; median of runs [min - max];"
                + " load average at the end %s%n", r.get("mode"), machine.get("cores"), machine.get("java"),
                machine.get("load_average_at_end")));
        t.append("-".repeat(100)).append('\n');
        row(t, "ceiling: plain kafka-clients relay, orders/s", spread.get("ceiling_orders_per_s"));
        row(t, "pipeline: Camel stages + DB, orders/s", spread.get("pipeline_orders_per_s"));
        row(t, "ratio pipeline/ceiling", spread.get("ratio"));
        t.append(String.format(Locale.ROOT, "  %-48s %12s%n", "ceiling with sync send per event, orders/s",
                r.get("ceiling_sync_send_orders_per_s")));
        t.append(String.format(Locale.ROOT, "  %-48s %12s%n", "pipeline app CPU per order (saturation), ms",
                r.get("pipeline_app_cpu_ms_per_order")));
        t.append(String.format(Locale.ROOT, "  %-48s %12s%s%n", "max sustained offered rate, orders/s",
                r.get("max_sustained_orders_per_s"), Boolean.TRUE.equals(r.get("max_sustained_found")) ? ""
                        : "   (no probe held)"));
        t.append('\n');
        t.append(String.format(Locale.ROOT, "  %-22s %9s %9s %9s %9s %11s %9s %10s%n", "order->DELIVERED ms",
                "p50", "p95", "p99", "max", "achieved/s", "backlog/s", "sustained"));
        latencyRows(t, "pipeline @", (Map<String, Object>) r.get("latency_ms"));
        latencyRows(t, "ceiling  @", (Map<String, Object>) r.get("ceiling_latency_ms"));
        ProcessTable.append(t, (Map<String, Map<String, Object>>) r.get("databases"));
        t.append("-".repeat(100)).append('\n');
        Map<String, Object> targets = (Map<String, Object>) r.get("targets_met");
        targets.forEach((k, v) -> t.append(String.format(Locale.ROOT, "  target %-40s %s%n", k,
                v == null ? "n/a" : ((Boolean) v ? "met" : "NOT met"))));
        Map<String, Object> details = (Map<String, Object>) r.get("details");
        if (!Boolean.TRUE.equals(details.get("database_verified"))) {
            t.append("  DATABASE CHECK FAILED: ").append(details.get("database_verification_failures")).append('\n');
        }
        t.append(String.format(Locale.ROOT, "  elapsed %.0f s%n", ((Number) r.get("elapsed_s")).doubleValue()));
        return t.toString();
    }

    private static void row(StringBuilder t, String name, Object summary) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) summary;
        t.append(String.format(Locale.ROOT, "  %-48s %12s   [%s - %s]  n=%d%n", name, s.get("median"), s.get("min"),
                s.get("max"), ((List<?>) s.get("runs")).size()));
    }

    @SuppressWarnings("unchecked")
    private static void latencyRows(StringBuilder t, String label, Map<String, Object> byRate) {
        byRate.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey())))
                .forEach(e -> {
                    Map<String, Object> m = (Map<String, Object>) e.getValue();
                    t.append(String.format(Locale.ROOT, "  %-22s %9s %9s %9s %9s %11s %9s %10s%n",
                            label + " " + e.getKey() + "/s", m.get("p50"), m.get("p95"), m.get("p99"), m.get("max"),
                            m.get("achieved_per_s"), m.get("backlog_growth_per_s"), m.get("sustained")));
                });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void logLatency(String what, int rate, int run, Map<String, Object> m) {
        log("%s @ %d/s run %d: p50 %s p95 %s p99 %s max %s ms, achieved %s/s, backlog %s/s, sustained %s",
                what, rate, run, m.get("p50"), m.get("p95"), m.get("p99"), m.get("max"), m.get("achieved_per_s"),
                m.get("backlog_growth_per_s"), m.get("sustained"));
    }

    private Path writeLoggingConfig() throws IOException {
        Path file = config.outputDir().resolve("logback-inprocess.xml");
        Path log = config.outputDir().resolve("app-inprocess.log").toAbsolutePath();
        Files.deleteIfExists(log);
        // the production console appender's pattern, into a file: same formatting cost, no flood on stdout
        Files.writeString(file, """
                <configuration>
                  <include resource="org/springframework/boot/logging/logback/defaults.xml"/>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>${FILE_LOG_PATTERN}</pattern><charset>UTF-8</charset></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(log));
        return file;
    }

    private void log(String format, Object... args) {
        out.printf(Locale.ROOT, "[bench %6.1fs] " + format + "%n",
                Stream.concat(Stream.of((System.nanoTime() - created) / 1e9), Stream.of(args)).toArray());
        out.flush();
    }

    private static double writesPerOrder(Map<String, String> before, Map<String, String> after, int orders) {
        String b = before.get("info.FILE_WRITE");
        String a = after.get("info.FILE_WRITE");
        return a == null || b == null ? Double.NaN : (Long.parseLong(a) - Long.parseLong(b)) / (double) orders;
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit == null ? 0 : jit.getTotalCompilationTime();
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static int roundTo10(double value) {
        return (int) Math.max(10, Math.round(value / 10) * 10);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** /proc/loadavg's 1, 5 and 15 minute averages: the machine is shared with other builds. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double totalMemoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return Double.NaN;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
