package io.orderflow.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The separate-process part of the results table: one column per database side by side ({@link
 * SeparateProcessBench#results()} each, or {@code {"skipped": why}}), then the database size by minute, then each
 * database's setup as a footnote.
 */
final class ProcessTable {

    private static final int CELL = 30;

    private ProcessTable() {
    }

    static void append(StringBuilder t, Map<String, Map<String, Object>> columns) {
        if (columns.isEmpty()) {
            return;
        }
        List<String> names = List.copyOf(columns.keySet());
        t.append(String.format(Locale.ROOT, "%n  %-48s", "separate process, by database"));
        names.forEach(n -> t.append(String.format(Locale.ROOT, " %" + CELL + "s", n)));
        t.append('\n');
        // a dbsize-only run (-Dbench.phases=dbsize) has none of these
        if (columns.values().stream().anyMatch(c -> Boolean.TRUE.equals(c.get("process_phase")))) {
            Object firstRate = columns.values().stream().map(c -> path(c, "rest_e2e", "rate_per_s"))
                    .filter(v -> v != null).findFirst().orElse("?");
            row(t, columns, "start to health UP, external broker, ms",
                    c -> summary(c.get("startup_external_broker_ms")));
            row(t, columns, "start to health UP, embedded broker, ms", c -> summary(c.get("startup_ms")));
            row(t, columns, "POST /api/orders, pipeline live, req/s", c -> summary(c.get("rest_requests_per_s")));
            row(t, columns, "  POST -> DELIVERED meanwhile, orders/s",
                    c -> summary(c.get("rest_pipeline_orders_per_s")));
            row(t, columns, "  app CPU per request, ms", c -> summary(c.get("rest_app_cpu_ms_per_request")));
            row(t, columns, "    of which JIT compiling, ms", c -> summary(c.get("rest_app_jit_cpu_ms_per_request")));
            row(t, columns, "POST /api/orders, stages stopped, req/s",
                    c -> summary(c.get("rest_stages_stopped_requests_per_s")));
            row(t, columns, "  app CPU per request, ms",
                    c -> summary(c.get("rest_stages_stopped_app_cpu_ms_per_request")));
            row(t, columns, "    of which JIT compiling, ms",
                    c -> summary(c.get("rest_stages_stopped_app_jit_cpu_ms_per_request")));
            row(t, columns, "REST end-to-end: max sustained, orders/s", c -> maxSustained(c));
            row(t, columns, "  @" + firstRate + "/s POST -> DELIVERED p50 / p99, ms",
                    c -> path(c, "rest_e2e", "p50_ms") + " / " + path(c, "rest_e2e", "p99_ms")
                            + (Boolean.FALSE.equals(path(c, "rest_e2e", "sustained")) ? " (backlog)" : ""));
            row(t, columns, "  @" + firstRate + "/s app CPU per order, ms",
                    c -> path(c, "rest_e2e", "app_cpu_ms_per_order"));
            row(t, columns, "    of which JIT compiling, ms", c -> path(c, "rest_e2e", "app_jit_cpu_ms_per_order"));
            row(t, columns, "peak RSS (VmHWM) under REST load, MiB", c -> String.valueOf(c.get("peak_rss_mb")));
            row(t, columns, "peak heap used / committed, MiB",
                    c -> c.get("peak_heap_used_mb") + " / " + c.get("peak_heap_committed_mb"));
        }
        if (columns.values().stream().anyMatch(c -> c.containsKey("db_size"))) {
            row(t, columns, "database size at the end of the db-size run, MiB", ProcessTable::lastSize);
            row(t, columns, "  the same after the application stopped, MiB",
                    c -> path(c, "db_size", "size_after_stop_mib"));
            databaseSizes(t, columns);
        }
        columns.forEach((name, c) -> t.append(String.format(Locale.ROOT, "  %s%n",
                c.containsKey("skipped") ? name + " skipped: " + c.get("skipped")
                        : c.get("database") + "\n    load average when each app was up: "
                        + c.get("load_average_at_each_start"))));
    }

    private static void row(StringBuilder t, Map<String, Map<String, Object>> columns, String label,
                            Function<Map<String, Object>, Object> cell) {
        t.append(String.format(Locale.ROOT, "  %-48s", label));
        columns.values().forEach(c -> t.append(String.format(Locale.ROOT, " %" + CELL + "s",
                c.containsKey("skipped") ? "skipped" : String.valueOf(cell.apply(c)))));
        t.append('\n');
    }

    /** "median" alone for one run, "median [min-max]" for several. */
    private static String summary(Object value) {
        if (!(value instanceof Map<?, ?> s)) {
            return String.valueOf(value);
        }
        int runs = s.get("runs") instanceof List<?> l ? l.size() : 0;
        return runs <= 1 ? String.valueOf(s.get("median"))
                : s.get("median") + " [" + s.get("min") + "-" + s.get("max") + "]";
    }

    private static String maxSustained(Map<String, Object> c) {
        Object rate = path(c, "rest_e2e", "max_sustained_orders_per_s");
        List<?> probes = (List<?>) path(c, "rest_e2e", "probes");
        boolean allHeld = probes != null && !probes.isEmpty() && probes.stream()
                .allMatch(p -> Boolean.TRUE.equals(((Map<?, ?>) p).get("sustained")));
        if (rate instanceof Number n && n.intValue() < 0) {
            return "none probed held";
        }
        return rate + (allHeld ? " (all probes held)" : "");
    }

    private static Object lastSize(Map<String, Object> c) {
        List<?> samples = (List<?>) path(c, "db_size", "samples");
        return samples == null || samples.isEmpty() ? "-"
                : ((Map<?, ?>) samples.get(samples.size() - 1)).get("size_mib");
    }

    private static void databaseSizes(StringBuilder t, Map<String, Map<String, Object>> columns) {
        t.append(String.format(Locale.ROOT, "%n  %-14s %10s %10s %12s %12s %14s %14s%n", "database size", "minute",
                "placed", "DELIVERED", "size MiB", "CPU ms/order", "housekeeping"));
        columns.forEach((name, c) -> {
            List<?> samples = (List<?>) path(c, "db_size", "samples");
            if (samples == null) {
                return;
            }
            String label = name + " @" + path(c, "db_size", "rate_per_s") + "/s";
            Map<?, ?> previous = null;
            for (Object o : samples) {
                Map<?, ?> s = (Map<?, ?>) o;
                t.append(String.format(Locale.ROOT, "  %-14s %10s %10s %12s %12s %14s %14s%n", label, s.get("minute"),
                        s.get("placed"), s.get("delivered"), s.get("size_mib"), cpuPerOrder(previous, s),
                        housekeepingShare(previous, s)));
                label = "";
                previous = s;
            }
        });
        t.append('\n');
    }

    /** The process's CPU per order DELIVERED since the previous sample. */
    private static String cpuPerOrder(Map<?, ?> previous, Map<?, ?> sample) {
        double orders = delta(previous, sample, "delivered");
        double cpu = delta(previous, sample, "app_cpu_ms");
        return orders > 0 && cpu >= 0 ? String.format(Locale.ROOT, "%.2f", cpu / orders) : "-";
    }

    /** The H2 housekeeping thread's share of the process's CPU since the previous sample. */
    private static String housekeepingShare(Map<?, ?> previous, Map<?, ?> sample) {
        double cpu = delta(previous, sample, "app_cpu_ms");
        double housekeeping = delta(previous, sample, "housekeeping_cpu_ms");
        return cpu > 0 && housekeeping >= 0 ? String.format(Locale.ROOT, "%.0f %%", 100 * housekeeping / cpu) : "-";
    }

    /** {@code key}'s growth since the previous sample; -1 when either is missing or unknown. */
    private static double delta(Map<?, ?> previous, Map<?, ?> sample, String key) {
        if (previous == null || !(previous.get(key) instanceof Number before)
                || !(sample.get(key) instanceof Number after) || before.doubleValue() < 0 || after.doubleValue() < 0) {
            return -1;
        }
        return after.doubleValue() - before.doubleValue();
    }

    private static Object path(Map<String, Object> column, String key, String inner) {
        return column.get(key) instanceof Map<?, ?> m ? m.get(inner) : null;
    }
}
