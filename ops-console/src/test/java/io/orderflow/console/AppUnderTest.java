package io.orderflow.console;

import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Orderflow app (routes-app jar) in its own JVM, with its embedded Kafka broker, on free ports and a fresh
 * data directory. The jar is built by the reactor before this module; without it the tests stop with the command
 * that builds it.
 */
final class AppUnderTest implements AutoCloseable {

    static final String TOKEN = "console-test-token";

    final int httpPort;
    final int kafkaPort;
    private final Process process;
    private final Path log;

    static AppUnderTest start() throws IOException {
        return start(freePort(), freePort());
    }

    static AppUnderTest start(int httpPort, int kafkaPort) throws IOException {
        Path jar = Path.of(System.getProperty("orderflow.app.jar", "../routes-app/target/routes-app.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The app jar " + jar.toAbsolutePath() + " is missing. Build it first: "
                    + "./mvnw -B -DskipTests package -pl routes,routes-app (or run the whole reactor with verify)");
        }
        Path dataDir = Files.createTempDirectory("orderflow-console-it");
        Path log = Path.of("target", "app-under-test-" + httpPort + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        return new AppUnderTest(dataDir, jar, log, httpPort, kafkaPort);
    }

    private AppUnderTest(Path dataDir, Path jar, Path log, int httpPort, int kafkaPort) throws IOException {
        this.log = log;
        this.httpPort = httpPort;
        this.kafkaPort = kafkaPort;
        this.process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--orderflow.kafka.embedded.port=" + kafkaPort,
                "--orderflow.data-dir=" + dataDir,
                "--orderflow.security.operator-token=" + TOKEN))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        // never leave the app running: not when this JVM dies, not when it fails to come up
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        try {
            awaitHealthy();
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .build(), HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
    }

    String url(String path) {
        return "http://localhost:" + httpPort + path;
    }

    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
