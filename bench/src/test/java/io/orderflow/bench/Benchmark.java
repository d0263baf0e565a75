package io.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The Orderflow benchmark (issue 5): the Kafka ceiling, the pipeline's saturation throughput and latency at fixed
 * offered rates, {@code POST /api/orders} throughput, startup time and memory. Writes {@code results.json} and a
 * table; asserts nothing about speed.
 *
 * <p>For each database of {@code bench.databases} (H2, and a throwaway PostgreSQL shared by its phases), two
 * phases, each a column of the results:
 * <ol>
 * <li><b>Separate process</b> ({@link SeparateProcessBench}, {@code java -jar} as the README runs it): start to
 * health UP, {@code POST /api/orders} with the pipeline live and with the stages stopped, REST end to end, RSS and
 * heap, and the database's size over a long run.</li>
 * <li><b>In process</b> ({@link InProcessBench}): the pipeline at saturation and at fixed offered rates against
 * the Kafka ceiling, with the application in this JVM.</li>
 * </ol>
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BenchConfig config;
    private final PrintStream out;
    private final Path work;
    private final long created = System.nanoTime();

    // separate process: one column per database, name -> results (or {"skipped": why})
    private final Map<String, Map<String, Object>> processColumns = new LinkedHashMap<>();
    // in process: one per database, name -> results (or {"skipped": why})
    private final Map<String, Map<String, Object>> inProcessColumns = new LinkedHashMap<>();
    private final List<String> verificationFailures = new ArrayList<>();

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

        log("databases %s; separate process: %s", config.databases(), config.appJar() != null
                ? "java -jar " + config.appJar() : "java -cp <module classpath> OrderflowApplication");
        for (String name : config.databases()) {
            switch (name) {
                case "h2" -> databasePhases(AppDatabase.H2);
                case "postgresql" -> postgresPhases();
                default -> throw new IllegalArgumentException("bench.databases: no database " + name);
            }
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

    /** The phases that run on a database, each adding its column (separate process, in process). */
    private void databasePhases(AppDatabase database) throws Exception {
        if (config.runs("process") || config.runs("dbsize")) {
            SeparateProcessBench bench = new SeparateProcessBench(config, database, work, this::log);
            bench.run();
            processColumns.put(database.name(), bench.results());
        }
        if (config.runs("inprocess")) {
            InProcessBench bench = new InProcessBench(config, database, work, this::log);
            try {
                bench.run();
            } finally {
                verificationFailures.addAll(bench.verificationFailures().stream()
                        .map(f -> database.name() + " " + f).toList());
            }
            inProcessColumns.put(database.name(), bench.results());
        }
    }

    /**
     * The PostgreSQL columns: a throwaway server, shared by its phases. When it cannot be set up (or, in a full run,
     * a phase fails on it), the columns say why instead of failing the run, unless {@code requireAllDatabases}.
     */
    private void postgresPhases() throws Exception {
        String name = "PostgreSQL";
        LocalPostgres postgres;
        try {
            postgres = LocalPostgres.start(withPostgresScript(), config.outputDir().resolve("postgres.log"), 600_000);
        } catch (IOException e) {
            if (config.requireAllDatabases()) {
                throw e;
            }
            log("PostgreSQL skipped: %s", e.getMessage());
            skipped(name, String.valueOf(e.getMessage()));
            return;
        }
        try (postgres) {
            log("PostgreSQL: %s", postgres.note());
            databasePhases(postgres);
        } catch (Exception e) {
            if (config.requireAllDatabases()) {
                throw e;
            }
            log("PostgreSQL failed: %s", e);
            skipped(name, "failed: " + e);
        }
    }

    private void skipped(String database, String why) {
        Map<String, Object> column = Map.of("skipped", why);
        if (config.runs("process") || config.runs("dbsize")) {
            processColumns.putIfAbsent(database, column);
        }
        if (config.runs("inprocess")) {
            inProcessColumns.putIfAbsent(database, column);
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

    // ------------------------------------------------------------------------------------------------ results

    @SuppressWarnings("unchecked")
    private Map<String, Object> results(double elapsedSeconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mode", config.mode());
        r.put("generated_at", Instant.now().toString());
        // the headline numbers are those of the first database measured (H2 unless left out); every database's
        // are in "inprocess_databases" and "databases"
        String inProcessDatabase = firstMeasured(inProcessColumns);
        r.put("inprocess_database", inProcessDatabase);
        Map<String, Object> inProcess = inProcessDatabase != null ? inProcessColumns.get(inProcessDatabase)
                : new InProcessBench(config, AppDatabase.H2, work, this::log).results(); // nothing measured
        for (String key : List.of("ceiling_orders_per_s", "pipeline_orders_per_s", "ratio",
                "pipeline_app_cpu_ms_per_order", "max_sustained_orders_per_s", "max_sustained_found", "latency_ms",
                "ceiling_latency_ms", "ceiling_sync_send_orders_per_s", "spread")) {
            r.put(key, inProcess.get(key));
        }
        r.put("inprocess_databases", inProcessColumns);
        String processDatabase = firstMeasured(processColumns);
        r.put("process_database", processDatabase);
        Map<String, Object> process = processDatabase != null ? processColumns.get(processDatabase) : Map.of();
        for (String key : List.of("rest_requests_per_s", "rest_pipeline_orders_per_s",
                "rest_stages_stopped_requests_per_s", "startup_ms", "startup_external_broker_ms")) {
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

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rest_connections", config.restConnections());
        details.put("paced_connections", config.pacedConnections());
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
        targets.put("ratio >= 0.25", atLeast(r.get("ratio"), 0.25));
        targets.put("REST end-to-end >= 1500 orders/s sustained",
                atLeast(r.get("rest_e2e_max_sustained_orders_per_s"), 1500));
        targets.put("REST end-to-end @500/s p50 <= 20 ms", atMost(r.get("rest_e2e_p50_ms"), 20));
        targets.put("REST end-to-end @500/s p99 <= 100 ms", atMost(r.get("rest_e2e_p99_ms"), 100));
        targets.put("POST /api/orders, stages stopped >= 5000 req/s",
                atLeast(r.get("rest_stages_stopped_requests_per_s"), 5000));
        targets.put("ready (external broker) <= 5 s", atMost(r.get("startup_external_broker_ms"), 5_000));
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

    /** The first database whose column has results, null when none has. */
    private static String firstMeasured(Map<String, Map<String, Object>> columns) {
        return columns.entrySet().stream().filter(e -> !e.getValue().containsKey("skipped")).map(Map.Entry::getKey)
                .findFirst().orElse(null);
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

    @SuppressWarnings("unchecked")
    String table(Map<String, Object> r) {
        StringBuilder t = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        t.append(String.format(Locale.ROOT, "%nOrderflow benchmark (%s) - %s cores, %s; median of runs [min - max];"
                + " load average at the end %s%n", r.get("mode"), machine.get("cores"), machine.get("java"),
                machine.get("load_average_at_end")));
        t.append("-".repeat(100)).append('\n');
        ((Map<String, Map<String, Object>>) r.get("inprocess_databases")).forEach((name, column) -> {
            t.append(String.format(Locale.ROOT, "%n  in process, %s%n", name));
            if (column.containsKey("skipped")) {
                t.append("  skipped: ").append(column.get("skipped")).append('\n');
            } else {
                inProcessRows(t, column);
            }
        });
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

    @SuppressWarnings("unchecked")
    private static void inProcessRows(StringBuilder t, Map<String, Object> column) {
        Map<String, Object> spread = (Map<String, Object>) column.get("spread");
        row(t, "ceiling: plain kafka-clients relay, orders/s", spread.get("ceiling_orders_per_s"));
        row(t, "pipeline: Camel stages + DB, orders/s", spread.get("pipeline_orders_per_s"));
        row(t, "ratio pipeline/ceiling", spread.get("ratio"));
        t.append(String.format(Locale.ROOT, "  %-48s %12s%n", "ceiling with sync send per event, orders/s",
                column.get("ceiling_sync_send_orders_per_s")));
        t.append(String.format(Locale.ROOT, "  %-48s %12s%n", "pipeline app CPU per order (saturation), ms",
                column.get("pipeline_app_cpu_ms_per_order")));
        t.append(String.format(Locale.ROOT, "  %-48s %12s%s%n", "max sustained offered rate, orders/s",
                column.get("max_sustained_orders_per_s"), Boolean.TRUE.equals(column.get("max_sustained_found")) ? ""
                        : "   (no probe held)"));
        t.append(String.format(Locale.ROOT, "  %-22s %9s %9s %9s %9s %11s %9s %10s%n", "order->DELIVERED ms",
                "p50", "p95", "p99", "max", "achieved/s", "backlog/s", "sustained"));
        latencyRows(t, "pipeline @", (Map<String, Object>) column.get("latency_ms"));
        latencyRows(t, "ceiling  @", (Map<String, Object>) column.get("ceiling_latency_ms"));
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

    private void log(String format, Object... args) {
        out.printf(Locale.ROOT, "[bench %6.1fs] " + format + "%n",
                Stream.concat(Stream.of((System.nanoTime() - created) / 1e9), Stream.of(args)).toArray());
        out.flush();
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

    static void deleteRecursively(Path dir) throws IOException {
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
