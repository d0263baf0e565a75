package io.orderflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.orderflow.console.lag.GroupLag;
import io.orderflow.console.traffic.TopicTraffic;
import io.orderflow.contract.FreePorts;
import io.orderflow.contract.Topic;
import io.orderflow.testsupport.SaslKafkaBroker;

/**
 * The console's Kafka side against a cluster that demands SASL/SCRAM: with the client properties an operator gives
 * Kafka's own tools it shows traffic and lag; with a wrong password it says so in a banner instead of hanging.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleOnASecuredClusterIT {

    private static final String GROUP = "secured-consumers";
    private static final String USER = "console";
    private static final String PASSWORD = "console-secret";
    private SaslKafkaBroker broker;
    private ConsoleDriver console;

    @BeforeAll
    void startBrokerWithTraffic() throws Exception {
        broker = new SaslKafkaBroker(USER, PASSWORD);
        try (Admin admin = broker.plainAdmin()) {
            admin.createTopics(List.of(new NewTopic(Topic.ORDER.topicName(), 3, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            Properties producerConfig = new Properties();
            producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.plainBootstrap());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>(Topic.ORDER.topicName(), "order-" + i,
                            "{\"orderId\":\"order-" + i + "\",\"type\":\"OrderCreated\"}")).get(10, TimeUnit.SECONDS);
                }
            }
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                committed.put(new TopicPartition(Topic.ORDER.topicName(), p), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(GROUP, committed).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void closeConsole() throws Exception {
        if (console != null) {
            console.close();
            console = null;
        }
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void withTheClusterCredentialsTheConsoleShowsTrafficAndLag() throws Exception {
        console = ConsoleDriver.start(List.of("--bootstrap-servers=" + broker.saslBootstrap(),
                "--kafka-config=" + clientConfig(PASSWORD),
                // a repeated property wins over the file, as documented
                "--kafka-property=client.dns.lookup=use_all_dns_ips",
                "--app-url=http://localhost:" + FreePorts.pick(), "--refresh-seconds=1"));
        console.awaitText("status-kafka", text -> text.endsWith(": connected"));
        console.show(Console.View.TRAFFIC);
        await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<TopicTraffic>rows("traffic-table").stream()
                .anyMatch(t -> t.topic().equals(Topic.ORDER.topicName()) && t.records() == 30));
        console.show(Console.View.LAG);
        await().atMost(ConsoleDriver.PATIENCE).until(() -> console.<GroupLag>rows("lag-groups").stream()
                .anyMatch(g -> g.group().equals(GROUP) && g.totalLag() == 30));
        // the live tail's consumer authenticates too
        console.show(Console.View.TRAFFIC);
        await().atMost(ConsoleDriver.PATIENCE).until(() -> !console.rows("tail-table").isEmpty());
        console.snapshot("7-secured-cluster-lag");
    }

    @Test
    void aWrongPasswordIsABannerThatSaysSoNotAHang() throws Exception {
        console = ConsoleDriver.start(List.of("--bootstrap-servers=" + broker.saslBootstrap(),
                "--kafka-config=" + clientConfig("not-the-password"),
                "--app-url=http://localhost:" + FreePorts.pick(), "--refresh-seconds=1"));
        long started = System.nanoTime();
        String banner = console.awaitText("overview-kafka-banner", text -> text.contains("credentials"));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
        assertThat(banner).contains("the cluster refused the console's credentials")
                .contains("SCRAM-SHA-512");
        assertThat(console.visible("overview-kafka-banner")).isTrue();
        assertThat(console.text("status-kafka")).contains("unreachable since");
        console.snapshot("7-secured-cluster-wrong-password");
    }

    /** A client properties file as an operator writes it for Kafka's own tools (--command-config). */
    private Path clientConfig(String password) throws IOException {
        Path file = Files.createTempFile("console-kafka", ".properties");
        Files.writeString(file, broker.clientProperties(password).entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue()).collect(Collectors.joining("\n")));
        return file;
    }
}
