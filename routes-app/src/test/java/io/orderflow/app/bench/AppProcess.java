package io.orderflow.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application as its own operating-system process ({@code java -jar routes-app.jar}, or the module's classes
 * when the jar is not built yet, as in the smoke run), for what only a separate process shows: time to ready and
 * resident memory.
 */
final class AppProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int httpPort;
    private final long startupMs;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(Process process, int httpPort, long startupMs, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.startupMs = startupMs;
        this.log = log;
    }

    /**
     * Starts the application and waits until {@code /actuator/health} answers UP (broker, database, Camel routes).
     *
     * @param jar the Spring Boot jar, or null to run {@code OrderflowApplication} from {@code classpath}
     */
    static AppProcess start(Path jar, String classpath, List<String> jvmArgs, List<String> appArgs, Path dataDir,
                            Path log, long timeoutMs) throws IOException, InterruptedException {
        int httpPort = freePort();
        int kafkaPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add("io.orderflow.app.OrderflowApplication");
        }
        command.add("--server.port=" + httpPort);
        command.add("--orderflow.kafka.embedded.port=" + kafkaPort);
        command.add("--orderflow.data-dir=" + dataDir.toAbsolutePath());
        command.addAll(appArgs);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        AppProcess app = new AppProcess(process, httpPort, 0, log);
        long deadline = started + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!app.healthUp()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue()
                        + " before it was ready; log tail:\n" + tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the application was not ready within " + timeoutMs
                        + " ms; log tail:\n" + tail(log, 40));
            }
            Thread.sleep(50); // interval between readiness checks; the loop ends on the condition or the deadline
        }
        long startupMs = (System.nanoTime() - started) / 1_000_000;
        return new AppProcess(process, httpPort, startupMs, log);
    }

    long startupMs() {
        return startupMs;
    }

    int httpPort() {
        return httpPort;
    }

    long pid() {
        return process.pid();
    }

    boolean healthUp() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(JSON.readTree(response.body()).path("status").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** Resident set size now and its high-water mark, in KiB, from /proc/&lt;pid&gt;/status. */
    long[] rssKb() {
        long rss = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
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
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** Runs {@code jcmd <pid> <args>} (JFR.start, JFR.dump); returns its output. */
    String jcmd(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(String.valueOf(process.pid()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    /** Graceful stop (SIGTERM, as a service manager would); returns how long it took in ms. */
    long stop() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** SIGKILL: for runs that do not measure the shutdown. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
