package io.orderflow.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.orderflow.contract.FreePorts;
import io.orderflow.testsupport.AppProcess;

/**
 * The console tests' settings for the shared {@link AppProcess}: the real Orderflow app from its packaged jar (built
 * by the reactor before this module), with its embedded Kafka broker, on free ports and a fresh data directory.
 */
final class AppUnderTest {

    static final String TOKEN = "console-test-token";

    private AppUnderTest() {
    }

    static AppProcess start() throws IOException {
        return start(FreePorts.pick(), FreePorts.pick());
    }

    static AppProcess start(int httpPort, int kafkaPort) throws IOException {
        Path jar = Path.of(System.getProperty("orderflow.app.jar", "../routes-app/target/app/routes-app.jar"));
        Path dataDir = Files.createTempDirectory("orderflow-console-it");
        Path log = Path.of("target", "app-under-test-" + httpPort + ".log");
        Files.deleteIfExists(log);
        return AppProcess.configuredBy(dataDir, log, Map.of(), "--orderflow.security.operator-token=" + TOKEN)
                .onPorts(httpPort, kafkaPort)
                .fromJar(jar)
                .withJvmArgs(List.of("-XX:TieredStopAtLevel=1"))
                .readyWithin(Duration.ofSeconds(180))
                .start();
    }
}
