package io.orderflow.bench;

import org.junit.jupiter.api.Test;

/**
 * The full benchmark, run by {@code ./mvnw -B -Pbench -pl bench -am verify} after the application's jar
 * is packaged (this module's surefire execution "full"). Not picked up by the default test run: its name does not end in
 * Test. Settings come from {@code -Dbench.*} (see {@link BenchConfig}).
 */
class FullBenchmark {

    @Test
    void run() throws Exception {
        new Benchmark(BenchConfig.fromSystemProperties(), System.out).run();
    }
}
