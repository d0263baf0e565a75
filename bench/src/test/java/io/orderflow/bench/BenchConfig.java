package io.orderflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.orderflow.testsupport.AppProcess;

/**
 * What a benchmark run does. {@link #full()} is the measurement (several minutes); {@link #smoke()} runs every
 * phase with tiny counts in seconds so the benchmark cannot rot. Any value can be overridden with a
 * {@code -Dbench.<name>=} system property (see {@link #withOverrides()}).
 */
record BenchConfig(
        String mode,
        Path outputDir,
        // saturation (burst) runs, interleaved ceiling / pipeline
        int saturationRuns,
        double saturationSeconds,
        int warmupCeilingOrders,
        int warmupPipelineOrders,
        // warm-up rounds repeat until the JIT compiles less than this share of one core, or the time is up
        double maxWarmupSeconds,
        double warmupJitShare,
        int minOrders,
        int maxCeilingOrders,
        int maxPipelineOrders,
        // open-loop latency runs
        List<Integer> latencyRates,
        int latencyRuns,
        double latencySeconds,
        double latencyWarmupSeconds,
        double ceilingLatencySeconds,
        int maxSustainedProbes,
        // the separate process
        int startupRuns,
        int restConnections,
        double restWarmupSeconds,
        double restSeconds,
        int restRuns,
        Path appJar,
        List<String> appJvmArgs,
        // extra application arguments for both the separate process and the in-process app, e.g. a setting to try
        List<String> appArgs,
        // diagnostics
        boolean jfr,
        boolean appLogToFile,
        // stop the separate process with SIGTERM and time the graceful shutdown, or just kill it (smoke)
        boolean gracefulStop,
        // a new in-process application (empty broker and database, same warm JVM) for each group of runs
        boolean freshAppPerGroup,
        long drainTimeoutMs,
        // "process" (startup, REST, memory, REST end-to-end), "inprocess" (ceiling, pipeline, latency) and the
        // opt-in "dbsize" (orders at dbRate for dbRunMinutes, database size sampled every dbSampleSeconds)
        List<String> phases,
        // open-loop POST /api/orders until DELIVERED: connections, rising probed rates (until one is not sustained),
        // the rate that reports latency and CPU per order (run even when a lower rate failed), seconds per rate,
        // warm-up seconds at the first rate, drain bound after each rate
        int pacedConnections,
        List<Integer> e2eRates,
        int e2eLatencyRate,
        double e2eSeconds,
        double e2eWarmupSeconds,
        double e2eDrainSeconds,
        int dbRate,
        double dbRunMinutes,
        double dbSampleSeconds,
        // every phase runs once per database: "h2" and/or "postgresql"
        List<String> databases,
        // true: a database that cannot be set up fails the run (smoke); false: its column says "skipped: why"
        boolean requireAllDatabases) {

    /** The JVM options of the README's run command, so the separate process is the application as users run it. */
    static final List<String> README_JVM_ARGS = List.of("-Xmx384m");

    static BenchConfig full() {
        return new BenchConfig("full", Path.of("target", "bench"),
                3, 10, 20_000, 2_000, 180, 0.05, 1_000, 400_000, 40_000,
                List.of(100, 500, 1000), 3, 12, 2, 6, 5,
                3, 32, 45, 10, 3, null, README_JVM_ARGS, List.of(),
                false, true, true, true, 600_000, List.of("process", "inprocess"),
                128, List.of(250, 500, 1000, 1500, 2000, 2500, 3000), 500, 15, 20, 10, 500, 30, 60,
                List.of("h2", "postgresql"),
                false);
    }

    static BenchConfig smoke() {
        return new BenchConfig("smoke", Path.of("target", "bench", "smoke"),
                1, 1, 300, 100, 0, 1, 100, 1_000, 300,
                List.of(100, 500, 1000), 1, 0.2, 0.05, 0.2, 1,
                1, 4, 0.5, 1, 1, null, README_JVM_ARGS, List.of(),
                false, false, false, false, 120_000, List.of("process", "inprocess", "dbsize"),
                8, List.of(500, 1000), 500, 1, 0, 10, 500, 10 / 60.0, 2, List.of("h2", "postgresql"), true);
    }

    /** Defaults of the named mode with {@code -Dbench.*} overrides. */
    static BenchConfig fromSystemProperties() {
        String mode = System.getProperty("bench.mode", "full");
        BenchConfig base = "smoke".equals(mode) ? smoke() : full();
        return base.withOverrides();
    }

    BenchConfig withOverrides() {
        Path jar = appJar;
        String jarProp = System.getProperty("bench.jar");
        if (jarProp != null && !jarProp.isBlank() && Files.isRegularFile(Path.of(jarProp))) {
            jar = Path.of(jarProp);
        }
        return new BenchConfig(mode,
                Path.of(System.getProperty("bench.outputDir", outputDir.toString())),
                intProp("saturationRuns", saturationRuns),
                doubleProp("saturationSeconds", saturationSeconds),
                intProp("warmupCeilingOrders", warmupCeilingOrders),
                intProp("warmupPipelineOrders", warmupPipelineOrders),
                doubleProp("maxWarmupSeconds", maxWarmupSeconds),
                doubleProp("warmupJitShare", warmupJitShare),
                intProp("minOrders", minOrders),
                intProp("maxCeilingOrders", maxCeilingOrders),
                intProp("maxPipelineOrders", maxPipelineOrders),
                listProp("latencyRates", latencyRates),
                intProp("latencyRuns", latencyRuns),
                doubleProp("latencySeconds", latencySeconds),
                doubleProp("latencyWarmupSeconds", latencyWarmupSeconds),
                doubleProp("ceilingLatencySeconds", ceilingLatencySeconds),
                intProp("maxSustainedProbes", maxSustainedProbes),
                intProp("startupRuns", startupRuns),
                intProp("restConnections", restConnections),
                doubleProp("restWarmupSeconds", restWarmupSeconds),
                doubleProp("restSeconds", restSeconds),
                intProp("restRuns", restRuns),
                jar,
                System.getProperty("bench.appJvmArgs", "").isBlank() ? appJvmArgs
                        : Arrays.asList(System.getProperty("bench.appJvmArgs").trim().split("\\s+")),
                System.getProperty("bench.appArgs", "").isBlank() ? appArgs
                        : Arrays.asList(System.getProperty("bench.appArgs").trim().split("\\s+")),
                Boolean.parseBoolean(System.getProperty("bench.jfr", String.valueOf(jfr))),
                Boolean.parseBoolean(System.getProperty("bench.appLogToFile", String.valueOf(appLogToFile))),
                Boolean.parseBoolean(System.getProperty("bench.gracefulStop", String.valueOf(gracefulStop))),
                Boolean.parseBoolean(System.getProperty("bench.freshAppPerGroup", String.valueOf(freshAppPerGroup))),
                drainTimeoutMs,
                stringsProp("phases", phases),
                intProp("pacedConnections", pacedConnections),
                listProp("e2eRates", e2eRates),
                intProp("e2eLatencyRate", e2eLatencyRate),
                doubleProp("e2eSeconds", e2eSeconds),
                doubleProp("e2eWarmupSeconds", e2eWarmupSeconds),
                doubleProp("e2eDrainSeconds", e2eDrainSeconds),
                intProp("dbRate", dbRate),
                doubleProp("dbRunMinutes", dbRunMinutes),
                doubleProp("dbSampleSeconds", dbSampleSeconds),
                stringsProp("databases", databases),
                Boolean.parseBoolean(System.getProperty("bench.requireAllDatabases",
                        String.valueOf(requireAllDatabases))));
    }

    /** This configuration with {@code -Dbench.databases} only: the smoke's one override (h2 alone skips PostgreSQL). */
    BenchConfig withDatabaseOverride() {
        List<String> chosen = stringsProp("databases", databases);
        return new BenchConfig(mode, outputDir, saturationRuns, saturationSeconds, warmupCeilingOrders,
                warmupPipelineOrders, maxWarmupSeconds, warmupJitShare, minOrders, maxCeilingOrders,
                maxPipelineOrders, latencyRates, latencyRuns, latencySeconds, latencyWarmupSeconds,
                ceilingLatencySeconds, maxSustainedProbes, startupRuns, restConnections, restWarmupSeconds,
                restSeconds, restRuns, appJar, appJvmArgs, appArgs, jfr, appLogToFile, gracefulStop, freshAppPerGroup,
                drainTimeoutMs, phases, pacedConnections, e2eRates, e2eLatencyRate, e2eSeconds, e2eWarmupSeconds,
                e2eDrainSeconds, dbRate, dbRunMinutes, dbSampleSeconds, chosen, requireAllDatabases);
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The classpath to run the application from when there is no jar: this JVM's, minus test classes. */
    static String applicationClasspath() {
        return AppProcess.applicationClassPath();
    }

    private static List<String> stringsProp(String name, List<String> value) {
        String raw = System.getProperty("bench." + name, "");
        return raw.isBlank() ? value : Arrays.stream(raw.split(",")).map(String::trim).toList();
    }

    private static int intProp(String name, int value) {
        return Integer.parseInt(System.getProperty("bench." + name, String.valueOf(value)));
    }

    private static double doubleProp(String name, double value) {
        return Double.parseDouble(System.getProperty("bench." + name, String.valueOf(value)));
    }

    private static List<Integer> listProp(String name, List<Integer> value) {
        String raw = System.getProperty("bench." + name);
        if (raw == null || raw.isBlank()) {
            return value;
        }
        if (raw.trim().equals("none")) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
