package io.orderflow.testsupport;

import java.io.File;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.orderflow.contract.FreePorts;

/**
 * The Orderflow application in its own JVM, on free ports and a data directory of the caller's, with its embedded
 * Kafka broker unless the environment names brokers. The one way tests and the benchmark start the application as a
 * process: to kill it like a power cut (SIGKILL, no shutdown hooks) and start it again on the same data directory,
 * to run it from the packaged jar, or to measure what only a separate process shows (time to ready, memory).
 *
 * <p>Configured once, started (and after {@link #kill} started again) any number of times on the same ports.
 * {@link #start} returns when {@code /actuator/health} answers UP. The process never outlives the test JVM.
 */
public final class AppProcess implements AutoCloseable {

    /** The application's main class, run from a class path when no jar is given. */
    public static final String MAIN_CLASS = "io.orderflow.app.OrderflowApplication";

    public final int httpPort;
    public final int kafkaPort;
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> args;
    private final List<String> jvmArgs = new ArrayList<>();
    private Path jar;
    private String classPath;
    private String maxHeap = "512m";
    private Duration readyTimeout = Duration.ofMinutes(5);
    private Process process;
    private long startupMs = -1;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(Path dataDir, Path log, Map<String, String> environment, List<String> args, int httpPort,
                       int kafkaPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.environment = new LinkedHashMap<>(environment);
        this.args = List.copyOf(args);
        this.httpPort = httpPort;
        this.kafkaPort = kafkaPort;
    }

    /**
     * Configured by these environment variables and arguments only (an {@code ORDERFLOW_OPERATOR_TOKEN} of the test
     * JVM's environment is not passed on), on two free ports; its output is appended to {@code log}.
     */
    public static AppProcess configuredBy(Path dataDir, Path log, Map<String, String> environment, String... args) {
        return new AppProcess(dataDir, log, environment, List.of(args), FreePorts.pick(), FreePorts.pick());
    }

    /** On these ports, for a test that starts the app after something already points at them. */
    public AppProcess onPorts(int httpPort, int kafkaPort) {
        AppProcess moved = new AppProcess(dataDir, log, environment, args, httpPort, kafkaPort);
        moved.jvmArgs.addAll(jvmArgs);
        moved.jar = jar;
        moved.classPath = classPath;
        moved.maxHeap = maxHeap;
        moved.readyTimeout = readyTimeout;
        return moved;
    }

    /**
     * Runs {@code java -jar jar} (the packaged application) instead of the main class from the class path. With the
     * class data sharing archive the build trains for an extracted jar ({@code X.jsa} beside {@code X.jar}, see
     * routes-app's pom), it runs as the README's command does, with {@code -XX:SharedArchiveFile}.
     */
    public AppProcess fromJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The app jar " + jar.toAbsolutePath() + " is missing. Build it first: "
                    + "./mvnw -B -DskipTests package -pl routes-app -am (or run the whole reactor with verify)");
        }
        this.jar = jar.toAbsolutePath();
        return this;
    }

    /** Runs the main class from this class path (default: this JVM's, without test classes). */
    public AppProcess fromClassPath(String classPath) {
        this.classPath = classPath;
        return this;
    }

    /**
     * The maximum heap, default 512m (smaller for runs of several instances side by side); null for the JVM's own
     * default, as a user's {@code java -jar} gets (the benchmark).
     */
    public AppProcess withHeap(String maxHeap) {
        this.maxHeap = maxHeap;
        return this;
    }

    /** More JVM options (e.g. {@code -XX:TieredStopAtLevel=1}, GC settings). */
    public AppProcess withJvmArgs(List<String> more) {
        jvmArgs.addAll(more);
        return this;
    }

    /**
     * How long {@link #start} waits for health UP. Default minutes, not seconds: on a machine saturated by other
     * processes one instance took 90 s to start, and three instances and three brokers starting together 190 s.
     */
    public AppProcess readyWithin(Duration timeout) {
        this.readyTimeout = timeout;
        return this;
    }

    /** Starts the JVM and waits until the application is ready; fails at once if it exits before. */
    public AppProcess start() throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        if (maxHeap != null) {
            command.add("-Xmx" + maxHeap);
        }
        command.addAll(jvmArgs);
        if (jar != null) {
            Path archive = classDataArchive(jar);
            if (archive != null) {
                command.add("-XX:SharedArchiveFile=" + archive);
            }
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", classPath != null ? classPath : applicationClassPath(), MAIN_CLASS));
        }
        command.addAll(List.of(
                "--server.port=" + httpPort,
                "--orderflow.kafka.embedded.port=" + kafkaPort,
                "--orderflow.data-dir=" + dataDir));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("ORDERFLOW_OPERATOR_TOKEN");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process launched = builder.start();
        process = launched;
        // never leave the application running: not when the test JVM dies, not when it fails to come up
        Runtime.getRuntime().addShutdownHook(new Thread(launched::destroyForcibly, "app-process-cleanup"));
        try {
            awaitReady(started);
        } catch (RuntimeException | Error e) {
            launched.destroyForcibly();
            throw e;
        }
        startupMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return this;
    }

    private void awaitReady(long started) {
        long deadline = started + readyTimeout.toNanos();
        while (!healthUp()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue()
                        + " before it was ready; see " + log + ", its tail:\n" + tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application was not ready within " + readyTimeout + "; see "
                        + log + ", its tail:\n" + tail(log, 40));
            }
            try {
                // the interval between readiness checks: the loop ends on the condition, the exit or the deadline
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the application", e);
            }
        }
    }

    /** Whether {@code /actuator/health} answers UP now (broker, database and routes included). */
    public boolean healthUp() {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A call to the application's API with {@code token} as bearer (null: none), its body (if any) as JSON. */
    public HttpResponse<String> call(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String url(String path) {
        return "http://localhost:" + httpPort + path;
    }

    /** The embedded broker's address. */
    public String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public Path log() {
        return log;
    }

    /** From starting the JVM to health UP, in ms, of the last {@link #start}. */
    public long startupMs() {
        return startupMs;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Like pulling the plug: no graceful shutdown, no commits, no flushes by the application. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Graceful stop (SIGTERM, as a service manager would); returns how long it took in ms. */
    public long stop() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy(); // graceful shutdown closes the database and the broker cleanly
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            stop();
        }
    }

    /** A JVM like this one running {@code mainClass}, its output appended to {@code log}. */
    public static ProcessBuilder java(String maxHeap, String classPath, Class<?> mainClass, List<String> args,
                                      Path log) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + maxHeap, "-cp", classPath,
                mainClass.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static Path classDataArchive(Path jar) {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return null;
        }
        Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
        return Files.isRegularFile(archive) ? archive : null;
    }

    /**
     * This JVM's class path without test classes, so the application logs as it does in production (no test
     * logging configuration) and sees no test beans.
     */
    public static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).normalize().endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The last {@code lines} lines of a log, for failure messages. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
