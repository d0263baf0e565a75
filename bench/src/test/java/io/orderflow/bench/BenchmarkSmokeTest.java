package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the whole benchmark with tiny counts so it cannot rot: every phase (separate process, REST load, ceiling,
 * pipeline bursts and paced runs) executes and results.json carries every key. Asserts nothing about speed.
 */
class BenchmarkSmokeTest {

    @Test
    @Timeout(600) // PostgreSQL's first install from apt alone can take minutes
    void smokeRunWritesEveryResult() throws Exception {
        // -Dbench.databases=h2 leaves PostgreSQL out explicitly (a machine without it); otherwise it must run
        BenchConfig config = BenchConfig.smoke().withDatabaseOverride();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new TeeStream(System.out, captured), true, StandardCharsets.UTF_8);

        Path json = new Benchmark(config, out).run();

        JsonNode results = new ObjectMapper().readTree(json.toFile());
        for (String key : List.of("ceiling_orders_per_s", "pipeline_orders_per_s", "ratio", "rest_requests_per_s",
                "startup_ms", "peak_rss_mb", "rest_pipeline_orders_per_s", "peak_heap_used_mb",
                "rest_stages_stopped_requests_per_s", "rest_e2e_max_sustained_orders_per_s", "rest_e2e_p50_ms",
                "rest_e2e_p99_ms", "rest_e2e_app_cpu_ms_per_order", "pipeline_app_cpu_ms_per_order",
                "startup_external_broker_ms")) {
            assertThat(results.has(key)).as(key).isTrue();
            assertThat(results.get(key).isNumber()).as(key + " is a number").isTrue();
        }
        assertThat(results.get("startup_ms").asDouble()).isPositive();
        assertThat(results.get("peak_rss_mb").asDouble()).isPositive();
        assertThat(results.get("pipeline_orders_per_s").asDouble()).isPositive();
        assertThat(results.get("ceiling_orders_per_s").asDouble()).isPositive();
        assertThat(results.get("rest_requests_per_s").asDouble()).isPositive();

        JsonNode latency = results.get("latency_ms");
        List<String> rates = List.of("100", "500", "1000",
                String.valueOf(results.get("max_sustained_orders_per_s").asInt()));
        for (String rate : rates) {
            assertThat(latency.has(rate)).as("latency at " + rate).isTrue();
            for (String p : List.of("p50", "p95", "p99", "max")) {
                assertThat(latency.get(rate).get(p).isNumber()).as(rate + " " + p).isTrue();
            }
        }
        assertThat(results.get("pipeline_app_cpu_ms_per_order").asDouble()).isPositive();
        JsonNode databases = results.get("databases");
        List<String> expected = config.databases().stream()
                .map(d -> d.equals("h2") ? "H2" : "PostgreSQL").toList();
        assertThat(databases.size()).isEqualTo(expected.size());
        for (String name : expected) {
            JsonNode column = databases.get(name);
            assertThat(column).as(name).isNotNull();
            assertThat(column.has("skipped")).as(name + " ran: " + column.path("skipped").asText()).isFalse();
            assertThat(column.at("/startup_ms/median").asDouble()).as(name + " startup").isPositive();
            assertThat(column.at("/startup_external_broker_ms/median").asDouble()).as(name + " startup, own broker")
                    .isPositive();
            assertThat(column.at("/rest_requests_per_s/median").asDouble()).as(name + " REST live").isPositive();
            assertThat(column.at("/rest_stages_stopped_requests_per_s/median").asDouble())
                    .as(name + " REST, stages stopped").isPositive();
            assertThat(column.get("stages_stopped").size()).as(name + " stopped stage routes").isPositive();
            assertThat(column.at("/rest_e2e/max_sustained_orders_per_s").isInt()).as(name + " max sustained").isTrue();
            assertThat(column.at("/rest_e2e/probes").size()).as(name + " end-to-end probes").isPositive();
            for (String key : List.of("p50_ms", "p99_ms", "app_cpu_ms_per_order")) {
                assertThat(column.at("/rest_e2e/" + key).asDouble()).as(name + " end-to-end " + key).isPositive();
            }
            assertThat(column.get("peak_rss_mb").asDouble()).as(name + " RSS").isPositive();
            JsonNode samples = column.at("/db_size/samples");
            assertThat(samples.size()).as(name + " database size samples").isGreaterThanOrEqualTo(2);
            assertThat(samples.get(samples.size() - 1).get("size_mib").asDouble()).as(name + " size").isPositive();
            assertThat(samples.get(samples.size() - 1).get("delivered").asLong()).as(name + " delivered").isPositive();
            assertThat(column.at("/db_size/size_after_stop_mib").asDouble()).as(name + " size after stop").isPositive();
        }
        JsonNode inProcess = results.get("inprocess_databases");
        assertThat(inProcess.size()).isEqualTo(expected.size());
        for (String name : expected) {
            JsonNode column = inProcess.get(name);
            assertThat(column).as(name + " in process").isNotNull();
            assertThat(column.has("skipped")).as(name + " in process ran: " + column.path("skipped").asText())
                    .isFalse();
            for (String key : List.of("pipeline_orders_per_s", "ceiling_orders_per_s", "ratio",
                    "pipeline_app_cpu_ms_per_order")) {
                assertThat(column.get(key).asDouble()).as(name + " in process " + key).isPositive();
            }
            assertThat(column.at("/latency_ms/100/p99").isNumber()).as(name + " in process latency").isTrue();
            assertThat(column.get("database_verified").asBoolean()).as(name + " in process database").isTrue();
        }
        assertThat(results.at("/details/database_verified").asBoolean()).isTrue();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("ratio pipeline/ceiling", "p99",
                "separate process, by database", "stages stopped", "database size", "in process, H2",
                "external broker");
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
