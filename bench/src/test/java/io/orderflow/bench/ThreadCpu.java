package io.orderflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads between two points, grouped like {@link JfrTop#threadGroup}: which part of the
 * in-process system (a stage's consumer, the broker, the injector) spends the CPU of a run, per order.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The key of {@link #perOrderSince}'s CPU of the application alone (with its broker), without the bench's. */
    static final String APP = "app (process minus the bench's threads)";

    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> cpu = new HashMap<>();
    private final long processCpu;
    private final long jitMs;
    private final long gcMs;

    private ThreadCpu() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long t = THREADS.getThreadCpuTime(info.getThreadId());
            if (t >= 0) {
                names.put(info.getThreadId(), info.getThreadName());
                cpu.put(info.getThreadId(), t);
            }
        }
        processCpu = processCpuNanos();
        jitMs = ManagementFactory.getCompilationMXBean() == null ? 0
                : ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        gcMs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    static ThreadCpu snapshot() {
        return new ThreadCpu();
    }

    /** Microseconds of CPU per order since {@code before}, by thread group, largest first; "total" is the process. */
    Map<String, Double> perOrderSince(ThreadCpu before, int orders) {
        Map<String, Long> byGroup = new HashMap<>();
        cpu.forEach((id, now) -> {
            long delta = now - before.cpu.getOrDefault(id, 0L);
            if (delta > 0) {
                byGroup.merge(group(names.get(id)), delta, Long::sum);
            }
        });
        Map<String, Double> out = new LinkedHashMap<>();
        long total = processCpu - before.processCpu;
        long bench = 0;
        for (Map.Entry<Long, Long> e : cpu.entrySet()) {
            if (benchThread(names.get(e.getKey()))) {
                bench += Math.max(0, e.getValue() - before.cpu.getOrDefault(e.getKey(), 0L));
            }
        }
        out.put(APP, Stats.round(Math.max(0, total - bench) / 1e3 / orders, 1));
        long threads = byGroup.values().stream().mapToLong(Long::longValue).sum();
        out.put("total (process)", Stats.round(total / 1e3 / orders, 1));
        out.put("GC, JIT and VM threads", Stats.round(Math.max(0, total - threads) / 1e3 / orders, 1));
        out.put("of which JIT compiling (time)", Stats.round((jitMs - before.jitMs) * 1e3 / orders, 1));
        out.put("of which GC (time)", Stats.round((gcMs - before.gcMs) * 1e3 / orders, 1));
        byGroup.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(12)
                .forEach(e -> out.put(e.getKey(), Stats.round(e.getValue() / 1e3 / orders, 1)));
        return out;
    }

    /** A stage's consumer thread, as {@link #perOrderSince} names its group (dead-letter consumers excluded). */
    static boolean isStageConsumer(String group) {
        return group.startsWith("camel consumer [") && !group.contains(".DLT");
    }

    /**
     * The benchmark's own threads (test thread, injector, ceiling relay, their Kafka clients' I/O threads, the
     * bench's samplers): the rest of the process is the application with its embedded broker.
     */
    private static boolean benchThread(String name) {
        return name != null && (name.equals("main") || name.startsWith("ceiling-") || name.startsWith("bench-")
                || name.contains("| bench-"));
    }

    private static String group(String name) {
        String g = JfrTop.threadGroup(name);
        if (g.startsWith("ceiling-")) {
            return "ceiling relay " + g.substring(8);
        }
        if (g.startsWith("kafka-producer-network-thread")) {
            return "kafka producer I/O threads";
        }
        if (g.startsWith("data-plane-kafka") || g.startsWith("broker-") || g.startsWith("kafka-")
                || g.startsWith("controller-") || g.contains("raft") || g.startsWith("ExpirationReaper")
                || g.startsWith("LogDirFailureHandler") || g.startsWith("group-coordinator")) {
            return "kafka broker";
        }
        if (g.startsWith("http-nio") || g.startsWith("http-")) {
            return "tomcat";
        }
        if (g.startsWith("GC ") || g.startsWith("G1 ")) {
            return "gc";
        }
        if (g.startsWith("C1 ") || g.startsWith("C2 ")) {
            return "jit";
        }
        return g;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
