package io.orderflow.bench;

/** Where a phase writes its progress lines (the benchmark's log, which stamps each with the time since its start). */
interface BenchLog {
    void log(String format, Object... args);
}
