package io.orderflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.contract.Topic;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.StageRouteBuilder;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The in-process phase against one {@link AppDatabase} ({@link InProcessApp}: the application in the benchmark's
 * JVM): order rows are inserted first through the application's own repository (not timed), then OrderCreated
 * envelopes are produced to {@code order-events}; an order counts when the order stage committed DELIVERED
 * ({@link DeliveredNotifier}). The ceiling ({@link CeilingRelay}) runs the same hops on its own topics of the same
 * broker in the same JVM. Saturation = a burst of orders, rate measured between the 10th and 90th percentile of
 * completions; latency = open-loop injection at a fixed rate, measured from each order's due time.
 */
final class InProcessBench {

    private final BenchConfig config;
    private final AppDatabase database;
    private final Path work;
    private final BenchLog log;
    private int nextRun = 1;

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
    /** Read before their prerequisite by the order stage, per order of a saturation run (docs/benchmark.md). */
    private final List<Double> earlyStatusEventsPerOrder = new ArrayList<>();
    /** CPU microseconds per order by thread group, of the last run of each kind (every group starts with a burst). */
    private final Map<String, Map<String, Double>> cpuPerOrder = new LinkedHashMap<>();
    /** The same, of the last saturation run: the one results.json reports. */
    private final Map<String, Map<String, Double>> saturationCpuPerOrder = new LinkedHashMap<>();
    private final List<Double> saturationAppCpuMs = new ArrayList<>();
    private final Map<String, Map<String, String>> databaseAfterGroup = new LinkedHashMap<>();
    /** The one application of all groups, without {@code freshAppPerGroup}. */
    private Runs sharedRuns;
    private Path loggingConfig;

    InProcessBench(BenchConfig config, AppDatabase database, Path work, BenchLog log) {
        this.config = config;
        this.database = database;
        this.work = work;
        String prefix = "[" + database.name() + " in process] ";
        this.log = (format, args) -> log.log(prefix + format, args);
    }

    /** The runs' database checks that failed (an order DELIVERED by the events but not in the database). */
    List<String> verificationFailures() {
        return verificationFailures;
    }

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
        Path dataDir = work.resolve("inprocess-" + database.name() + "-" + name);
        List<String> args = new ArrayList<>(config.appArgs());
        args.addAll(database.fresh(dataDir).appArgs());
        InProcessApp app = InProcessApp.start(dataDir, loggingConfig, args);
        if (inProcessStartupMs == 0) {
            inProcessStartupMs = app.startupMs();
        }
        log.log("[%s] in-process application up in %d ms", name, app.startupMs());
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
            String writeDelay = app.databaseSettings().get("WRITE_DELAY");
            clientSettings.put("database", writeDelay == null ? database.name() : "H2, WRITE_DELAY=" + writeDelay);
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
            log.log("[%s] database afterwards: %s", name, databaseAfterGroup.get(name));
        } finally {
            if (config.freshAppPerGroup()) {
                closeApp(runs);
                Benchmark.deleteRecursively(dataDir);
            }
        }
    }

    private void closeApp(Runs runs) {
        runs.ceiling.close();
        runs.injector.close();
        runs.app.close();
    }

    /** Runs the phase's groups; their numbers are in {@link #results()}. */
    void run() throws Exception {
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
                log.log("warm-up %d: ceiling %.0f orders/s, pipeline %.0f orders/s, JIT busy %.0f%% of a core",
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
                long earlyBefore = runs.app.earlyStatusEvents();
                double p = runs.pipelineBurst(pipelineOrders);
                databaseWritesPerOrder.add(writesPerOrder(before, runs.app.databaseSettings(), pipelineOrders));
                double early = (runs.app.earlyStatusEvents() - earlyBefore) / (double) pipelineOrders;
                earlyStatusEventsPerOrder.add(early);
                ceilingRates.add(c);
                pipelineRates.add(p);
                ratios.add(p / c);
                log.log("saturation %d: ceiling %.0f orders/s (%d orders), pipeline %.0f orders/s (%d orders), "
                        + "ratio %.3f, early status events per order %.2f", i + 1, c, ceilingOrders, p,
                        pipelineOrders, p / c, early);
                log.log("  CPU us/order ceiling %s", cpuPerOrder.get("ceiling"));
                log.log("  CPU us/order pipeline %s", cpuPerOrder.get("pipeline"));
                saturationCpuPerOrder.putAll(cpuPerOrder);
                Double appUs = cpuPerOrder.get("pipeline").get(ThreadCpu.APP);
                if (appUs != null) {
                    saturationAppCpuMs.add(appUs / 1000);
                }
            }
            double sync = runs.ceilingBurst(size(Stats.median(pipelineRates) * 3, config.maxCeilingOrders()),
                    CeilingRelay.Mode.SYNC);
            ceilingSyncRates.add(sync);
            log.log("ceiling with a synchronous send per event (diagnostic): %.0f orders/s", sync);
            if (config.jfr()) {
                profile("pipeline-saturation-" + database.name().toLowerCase() + ".jfr", () -> runs.pipelineBurst(pipelineOrders));
                profile("ceiling-saturation-" + database.name().toLowerCase() + ".jfr", () -> runs.ceilingBurst(ceilingOrders, CeilingRelay.Mode.BATCHED));
            }
        });

        for (int rate : config.latencyRates()) {
            group("latency-" + rate, runs -> {
                for (int i = 0; i < config.latencyRuns(); i++) {
                    Map<String, Object> m = runs.pipelinePaced(rate, config.latencySeconds());
                    latencyRuns.computeIfAbsent(rate, r -> new ArrayList<>()).add(m);
                    logLatency("pipeline", rate, i + 1, m);
                    if (clearlyOverloaded(m, rate)) {
                        log.log("  %d/s is far beyond what the pipeline sustains: no more runs at this rate", rate);
                        break;
                    }
                }
                if (config.jfr()) {
                    // below saturation the cost is per batch, not per record: a profile at saturation does not show it
                    profile("pipeline-" + rate + "-per-s-" + database.name().toLowerCase() + ".jfr",
                            () -> runs.pipelinePaced(rate, config.latencySeconds()));
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
        log.log("profile: %s", target);
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

        /**
         * Also the CPU per order at this rate: below saturation a stage's batches hold a record or two, so what a
         * batch costs once (its transaction and commit, its offsets, the relay's round) is paid per record, and the
         * figure at saturation says little about it.
         */
        Map<String, Object> pipelinePaced(int rate, double seconds) throws Exception {
            int orders = Math.max(1, (int) Math.round(rate * seconds));
            RunTracker run = pipelineRun(orders);
            List<ProducerRecord<String, String>> records = injector.prepare(run, Topic.ORDER.topicName());
            ThreadCpu before = ThreadCpu.snapshot();
            injector.paced(run, records, rate);
            awaitPipeline(run);
            Map<String, Double> cpu = ThreadCpu.snapshot().perOrderSince(before, orders);
            Map<String, Object> m = run.latency(rate, config.latencyWarmupSeconds());
            m.put("app_cpu_us_per_order", cpu.get(ThreadCpu.APP));
            m.put("stage_threads_cpu_us_per_order", Stats.round(cpu.entrySet().stream()
                    .filter(e -> ThreadCpu.isStageConsumer(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum(), 1));
            return m;
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

    /** This database's in-process results (results.json's {@code inprocess_databases}). */
    Map<String, Object> results() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("database", database.note());
        r.put("ceiling_orders_per_s", Stats.round(Stats.median(ceilingRates), 1));
        r.put("pipeline_orders_per_s", Stats.round(Stats.median(pipelineRates), 1));
        r.put("ratio", Stats.round(Stats.median(ratios), 4));
        r.put("pipeline_app_cpu_ms_per_order", Stats.round(Stats.median(saturationAppCpuMs), 3));
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
        r.put("in_process_startup_ms", inProcessStartupMs);
        r.put("warmup_s", Stats.round(warmupSeconds, 1));
        r.put("warmup_last_jit_share", Stats.round(warmupJitShare, 3));
        r.put("max_sustained_probes", maxSustainedProbes);
        r.put("client_settings", clientSettings);
        r.put("h2_file_writes_per_order", Stats.summary(databaseWritesPerOrder, 2));
        r.put("early_status_events_per_order", Stats.summary(earlyStatusEventsPerOrder, 2));
        r.put("h2_after_each_group", databaseAfterGroup);
        r.put("cpu_us_per_order", saturationCpuPerOrder);
        r.put("database_verified", verificationFailures.isEmpty());
        return r;
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

    private void logLatency(String what, int rate, int run, Map<String, Object> m) {
        log.log("%s @ %d/s run %d: p50 %s p95 %s p99 %s max %s ms, achieved %s/s, backlog %s/s, sustained %s%s",
                what, rate, run, m.get("p50"), m.get("p95"), m.get("p99"), m.get("max"), m.get("achieved_per_s"),
                m.get("backlog_growth_per_s"), m.get("sustained"), m.containsKey("app_cpu_us_per_order")
                        ? String.format(Locale.ROOT, ", CPU us/order app %s, stage threads %s",
                                m.get("app_cpu_us_per_order"), m.get("stage_threads_cpu_us_per_order"))
                        : "");
    }

    private Path writeLoggingConfig() throws IOException {
        Path file = config.outputDir().resolve("logback-inprocess-" + database.name().toLowerCase() + ".xml");
        Path log = config.outputDir().resolve("app-inprocess-" + database.name().toLowerCase() + ".log").toAbsolutePath();
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

    private static double writesPerOrder(Map<String, String> before, Map<String, String> after, int orders) {
        String b = before.get("info.FILE_WRITE");
        String a = after.get("info.FILE_WRITE");
        return a == null || b == null ? Double.NaN : (Long.parseLong(a) - Long.parseLong(b)) / (double) orders;
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit == null ? 0 : jit.getTotalCompilationTime();
    }

    private static int roundTo10(double value) {
        return (int) Math.max(10, Math.round(value / 10) * 10);
    }
}
