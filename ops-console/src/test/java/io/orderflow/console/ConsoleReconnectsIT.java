package io.orderflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.orderflow.contract.FreePorts;
import io.orderflow.testsupport.AppProcess;

/**
 * The console started before anything it talks to: it must say so plainly wherever that matters, stay responsive
 * while its background threads wait on connections that never come, and pick everything up by itself once the
 * app and its broker start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleReconnectsIT {

    private final int httpPort = FreePorts.pick();
    private final int kafkaPort = FreePorts.pick();
    private ConsoleDriver console;
    private AppProcess app;

    @BeforeAll
    void startConsoleOnly() throws Exception {
        console = ConsoleDriver.start(List.of("--bootstrap-servers=localhost:" + kafkaPort,
                "--app-url=http://localhost:" + httpPort, "--token=" + AppUnderTest.TOKEN, "--refresh-seconds=1"));
    }

    @AfterAll
    void stop() throws Exception {
        console.close();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void saysWhatIsUnreachableStaysResponsiveAndReconnectsWhenItComes() throws Exception {
        console.awaitText("status-kafka", text -> text.contains("unreachable since"));
        console.awaitText("status-app", text -> text.contains("unreachable since"));
        assertThat(console.visible("overview-kafka-banner")).isTrue();
        assertThat(console.text("overview-kafka-banner")).contains("Kafka at localhost:" + kafkaPort)
                .contains("retrying: no broker answered within 5 s");
        assertThat(console.visible("overview-app-banner")).isTrue();
        assertThat(console.text("overview-app-banner")).endsWith("retrying: connection refused");
        // nothing known is shown as a dash, never as a zero
        assertThat(console.text("stage-payment-health")).isEqualTo("UNKNOWN");
        assertThat(console.text("stage-payment-dlt")).isEqualTo("—");
        assertThat(console.text("orders-DELIVERED")).isEqualTo("—");
        console.snapshot("0-unreachable-overview");

        // while samplers block on the unreachable broker, the FX thread still answers at once
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            CompletableFuture<Void> answered = new CompletableFuture<>();
            Platform.runLater(() -> answered.complete(null));
            answered.get(2, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(500);
        }
        console.show(Console.View.DEAD_LETTERS);
        assertThat(console.visible("dlt-app-banner")).isTrue();
        assertThat(console.text("dlt-app-banner")).startsWith("Dead letters need the app:");

        app = AppUnderTest.start(httpPort, kafkaPort);
        console.awaitText("status-kafka", text -> text.endsWith(": connected"));
        console.awaitText("status-app", text -> text.endsWith(": health UP"));
        assertThat(console.visible("dlt-app-banner")).isFalse();
        console.show(Console.View.OVERVIEW);
        assertThat(console.visible("overview-kafka-banner")).isFalse();
        console.awaitText("stage-payment-health", "OK"::equals);
        console.awaitText("orders-TOTAL", "0"::equals);
        assertThat(console.text("stage-payment-dlt")).isEqualTo("0");
    }
}
