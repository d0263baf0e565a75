package io.orderflow.app;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in its own JVM, so a test can kill it like a power cut (SIGKILL, no shutdown hooks) and start it
 * again on the same data directory.
 */
final class AppProcess implements AutoCloseable {

    final int httpPort;
    final int kafkaPort;
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> extraArgs;
    private Process process;
    private String maxHeap = "512m";

    /** With the tests' operator token. */
    AppProcess(Path dataDir, Path log, String... extraArgs) {
        this(dataDir, log, Map.of(), concat("--orderflow.security.operator-token=" + AppTestSupport.TOKEN, extraArgs));
    }

    private AppProcess(Path dataDir, Path log, Map<String, String> environment, List<String> extraArgs) {
        this.httpPort = freePort();
        this.kafkaPort = freePort();
        this.dataDir = dataDir;
        this.log = log;
        this.environment = environment;
        this.extraArgs = extraArgs;
    }

    /** Configured by these environment variables and arguments only: no operator token unless they give one. */
    static AppProcess configuredBy(Path dataDir, Path log, Map<String, String> environment, String... args) {
        return new AppProcess(dataDir, log, environment, List.of(args));
    }

    /** A smaller heap than the default 512 MiB, for runs of several instances side by side. */
    AppProcess withHeap(String maxHeap) {
        this.maxHeap = maxHeap;
        return this;
    }

    AppProcess start() throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + httpPort,
                "--orderflow.kafka.embedded.port=" + kafkaPort,
                "--orderflow.data-dir=" + dataDir));
        args.addAll(extraArgs);
        ProcessBuilder builder = java(maxHeap, applicationClassPath(), OrderflowApplication.class, args, log);
        builder.environment().remove("ORDERFLOW_OPERATOR_TOKEN");
        builder.environment().putAll(environment);
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        // minutes, not seconds: on a machine saturated by other processes one instance took 90 s to start, and
        // three instances and three brokers starting together took 190 s
        await().atMost(5, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create(url("/actuator/health"))).build(), HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    String url(String path) {
        return "http://localhost:" + httpPort + path;
    }

    /** Like pulling the plug: no graceful shutdown, no commits, no flushes by the application. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: graceful shutdown closes the database and the broker cleanly
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** A JVM like this one running {@code main}, its output appended to {@code log}. */
    static ProcessBuilder java(String maxHeap, String classPath, Class<?> main, List<String> args, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", classPath, main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** The test run's class path without the test classes, so the application logs as it does in production. */
    private static String applicationClassPath() {
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
