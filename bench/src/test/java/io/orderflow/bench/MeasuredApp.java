package io.orderflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.testsupport.AppProcess;

/**
 * The application as its own operating-system process (the shared {@link AppProcess}: {@code java -jar
 * routes-app.jar}, or the module's classes when the jar is not built, as in the smoke run), with what only a
 * separate process shows: time to ready, resident memory, CPU time, its metrics, and JFR through jcmd.
 */
final class MeasuredApp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // compiler thread id -> its CPU ms when last read
    private final Map<String, Long> compilerThreadsMs = new ConcurrentHashMap<>();

    private MeasuredApp(AppProcess process) {
        this.process = process;
    }

    /**
     * Starts the application and waits until {@code /actuator/health} answers UP (broker, database, Camel routes).
     * The JVM's heap is its default unless {@code jvmArgs} set one, as a user's {@code java -jar} would run it.
     *
     * @param jar the Spring Boot jar, or null to run {@code OrderflowApplication} from {@code classpath}
     */
    static MeasuredApp start(Path jar, String classpath, List<String> jvmArgs, List<String> appArgs,
                             Map<String, String> environment, Path dataDir, Path log, long timeoutMs)
            throws IOException {
        Files.deleteIfExists(log); // its startup lines are read back: this run's only
        AppProcess process = AppProcess.configuredBy(dataDir, log, environment, appArgs.toArray(String[]::new))
                .withHeap(null)
                .withJvmArgs(jvmArgs)
                .readyWithin(Duration.ofMillis(timeoutMs));
        process = jar != null ? process.fromJar(jar) : process.fromClassPath(classpath);
        return new MeasuredApp(process.start());
    }

    long startupMs() {
        return process.startupMs();
    }

    int httpPort() {
        return process.httpPort;
    }

    long pid() {
        return process.pid();
    }

    /** A value from /actuator/metrics, e.g. {@code jvm.memory.used} with tag {@code area:heap}; NaN if absent. */
    double metric(String name, String tag) {
        try {
            String query = tag == null ? "" : "?tag=" + tag;
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/metrics/" + name + query))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Double.NaN;
            }
            JsonNode m = JSON.readTree(response.body()).path("measurements");
            return m.isArray() && m.size() > 0 ? m.get(0).path("value").asDouble(Double.NaN) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** GET a JSON document of the application. */
    JsonNode getJson(String path) throws IOException, InterruptedException {
        return callJson("GET", path, null);
    }

    /** A call with {@code token} as bearer (null: none) that must answer 200; its JSON body. */
    JsonNode callJson(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The application's embedded Kafka broker. */
    String bootstrapServers() {
        return process.bootstrapServers();
    }

    /** Resident set size now and its high-water mark, in KiB, from /proc/&lt;pid&gt;/status. */
    long[] rssKb() {
        long rss = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
        } catch (IOException e) {
            // not Linux, or gone
        }
        return new long[] {rss, hwm};
    }

    /** CPU time (user + system) the process used so far, in ms, from /proc/&lt;pid&gt;/stat; -1 if unknown. */
    long cpuMillis() {
        try {
            return cpuMillis(Files.readString(Path.of("/proc", String.valueOf(pid()), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time (user + system) the JIT compiler threads used so far, in ms, from /proc/&lt;pid&gt;/task; -1 if unknown.
     * Under load on 2 cores the compilers still take a quarter of the process's CPU a minute after the start, so a
     * CPU figure per request or order without this share mixes the warm-up into the steady state. HotSpot starts and
     * ends compiler threads as its queue grows and shrinks: the last time read of a thread that ended is kept.
     */
    long jitCpuMillis() {
        return threadsCpuMillis(name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"),
                compilerThreadsMs);
    }

    /** CPU time (user + system) of the threads whose name starts with {@code prefix}, in ms; -1 if unknown. */
    long threadCpuMillis(String prefix) {
        return threadsCpuMillis(name -> name.startsWith(prefix), new HashMap<>());
    }

    /** Sums the threads {@code names} accepts, keeping in {@code seen} the last time read of each (threads end). */
    private long threadsCpuMillis(Predicate<String> names, Map<String, Long> seen) {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (names.test(readOrEmpty(task.resolve("comm")).trim())) {
                    long ms = cpuMillis(readOrEmpty(task.resolve("stat")));
                    if (ms >= 0) {
                        seen.merge(task.getFileName().toString(), ms, Math::max);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return seen.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }

    /** utime + stime of a /proc stat line in ms; -1 if it cannot be read. */
    private static long cpuMillis(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return -1;
        }
        String[] f = stat.substring(end + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime (fields 14, 15); USER_HZ 100
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** Runs {@code jcmd <pid> <args>} (JFR.start, JFR.dump); returns its output. */
    String jcmd(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(String.valueOf(pid()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private URI uri(String path) {
        return URI.create(process.url(path));
    }

    /** Graceful stop (SIGTERM, as a service manager would); returns how long it took in ms. */
    long stop() throws InterruptedException {
        return process.stop();
    }

    /** SIGKILL: for runs that do not measure the shutdown. */
    void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
