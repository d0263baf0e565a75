package io.orderflow.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** Starts of the embedded broker whose ports are taken. */
class EmbeddedKafkaBrokerIT {

    @Test
    void aPortSomebodyElseHoldsFailsWithTheBindErrorAndLeavesTheDirectoryUsable() throws Exception {
        Path dataDir = Files.createTempDirectory("orderflow-embedded-");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // every attempt keeps the port it was given, so each fails to bind, and the last failure is the answer
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, taken.getLocalPort()))
                    .hasRootCauseInstanceOf(BindException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
        // the failed starts formatted the directory and released it: a start on a free port uses it
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
             AdminClient admin = AdminClient.create(Map.of(
                     AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
