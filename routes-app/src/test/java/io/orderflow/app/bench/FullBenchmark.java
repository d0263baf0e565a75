package io.orderflow.app.bench;

import org.junit.jupiter.api.Test;

/**
 * The full benchmark, run by {@code ./mvnw -pl routes-app -am -Pbench verify} after the jar is packaged (the
 * {@code bench} profile's surefire execution). Not picked up by the default test run: its name does not end in
 * Test. Settings come from {@code -Dbench.*} (see {@link BenchConfig}).
 */
class FullBenchmark {

    @Test
    void run() throws Exception {
        new Benchmark(BenchConfig.fromSystemProperties(), System.out).run();
    }
}
