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
        // "process" (startup, REST, memory) and/or "inprocess" (ceiling, pipeline, latency)
        List<String> phases) {

    static BenchConfig full() {
        return new BenchConfig("full", Path.of("target", "bench"),
                3, 10, 20_000, 2_000, 180, 0.05, 1_000, 400_000, 40_000,
                List.of(100, 500, 1000), 3, 12, 2, 6, 5,
                3, 32, 45, 10, 3, null, List.of(), List.of(),
                false, true, true, true, 600_000, List.of("process", "inprocess"));
    }

    static BenchConfig smoke() {
        return new BenchConfig("smoke", Path.of("target", "bench", "smoke"),
                1, 1, 300, 100, 0, 1, 100, 1_000, 300,
                List.of(100, 500, 1000), 1, 0.2, 0.05, 0.2, 1,
                1, 4, 0.5, 1, 1, null, List.of(), List.of(),
                false, false, false, false, 120_000, List.of("process", "inprocess"));
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
                System.getProperty("bench.phases", "").isBlank() ? phases
                        : Arrays.stream(System.getProperty("bench.phases").split(",")).map(String::trim).toList());
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The classpath to run the application from when there is no jar: this JVM's, minus test classes. */
    static String applicationClasspath() {
        return AppProcess.applicationClassPath();
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
