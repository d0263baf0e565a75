package io.orderflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSettingsTest {

    @TempDir
    Path repo;

    @Test
    void defaultsPointAtALocalAppAndBroker() {
        ConsoleSettings settings = ConsoleSettings.parse(List.of(), Map.of(), repo);
        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.appUrl()).isEqualTo(URI.create("http://localhost:8082"));
        assertThat(settings.token()).isEmpty();
        assertThat(settings.refresh()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.lagWindow()).isEqualTo(10);
        assertThat(settings.snapshotDir()).isEmpty();
    }

    @Test
    void optionsWinOverTheEnvironment() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "ORDERFLOW_APP_URL", "http://app:1",
                "ORDERFLOW_OPERATOR_TOKEN", "from-env");
        assertThat(ConsoleSettings.parse(List.of(), env, repo).bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(ConsoleSettings.parse(List.of(), env, repo).token().orElseThrow().source())
                .isEqualTo("ORDERFLOW_OPERATOR_TOKEN");
        ConsoleSettings settings = ConsoleSettings.parse(List.of("--bootstrap-servers=b:1", "--app-url=http://a:2",
                "--token=t", "--refresh-seconds=0.5", "--snapshot-dir=shots"), env, repo);
        assertThat(settings.bootstrapServers()).isEqualTo("b:1");
        assertThat(settings.appUrl()).isEqualTo(URI.create("http://a:2"));
        assertThat(settings.token().orElseThrow().authorization()).isEqualTo("Bearer t");
        assertThat(settings.refresh()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.snapshotDir()).contains(repo.resolve("shots"));
    }

    @Test
    void theTokenFileIsFoundFromTheRepositoryRootOrAModuleDirectory() throws IOException {
        Files.createDirectories(repo.resolve("data"));
        Files.writeString(repo.resolve("data/operator-token"), "file-token\n");
        Path module = Files.createDirectories(repo.resolve("ops-console"));

        assertThat(ConsoleSettings.parse(List.of(), Map.of(), repo).token().orElseThrow().authorization())
                .isEqualTo("Bearer file-token");
        assertThat(ConsoleSettings.parse(List.of(), Map.of(), module).token().orElseThrow().source())
                .isEqualTo("file ../data/operator-token");
    }

    @Test
    void anAccountOrABearerTokenSignsInInsteadOfTheOperatorToken() throws IOException {
        Files.createDirectories(repo.resolve("data"));
        Files.writeString(repo.resolve("data/operator-token"), "file-token\n");
        String vera = "Basic " + Base64.getEncoder().encodeToString("vera:pw".getBytes(StandardCharsets.UTF_8));

        ConsoleSettings byOption = ConsoleSettings.parse(List.of("--user=vera", "--password=pw", "--token=t"),
                Map.of(), repo);
        assertThat(byOption.token().orElseThrow().authorization()).isEqualTo(vera);
        assertThat(byOption.token().orElseThrow().source()).isEqualTo("--user vera");
        assertThat(byOption.token().orElseThrow().toString()).doesNotContain("pw");
        assertThat(ConsoleSettings.parse(List.of("--user=vera"), Map.of("ORDERFLOW_OPERATOR_PASSWORD", "pw"), repo)
                .token().orElseThrow().authorization()).isEqualTo(vera);
        assertThat(ConsoleSettings.parse(List.of(), Map.of("ORDERFLOW_OPERATOR_USER", "vera",
                "ORDERFLOW_OPERATOR_PASSWORD", "pw", "ORDERFLOW_OPERATOR_TOKEN", "env-token"), repo)
                .token().orElseThrow().authorization()).isEqualTo(vera);
        assertThat(ConsoleSettings.parse(List.of(), Map.of("ORDERFLOW_BEARER_TOKEN", "eyJ.jwt.sig",
                "ORDERFLOW_OPERATOR_TOKEN", "env-token"), repo).token().orElseThrow().authorization())
                .isEqualTo("Bearer eyJ.jwt.sig");
        assertThatThrownBy(() -> ConsoleSettings.parse(List.of("--user=vera"), Map.of(), repo))
                .hasMessageContaining("--password");
    }

    @Test
    void kafkaClientPropertiesComeFromTheFileThenEachPropertyOption() throws IOException {
        Files.writeString(repo.resolve("client.properties"), String.join("\n",
                "security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512", "# a comment"));
        ConsoleSettings settings = ConsoleSettings.parse(List.of("--kafka-config=client.properties",
                "--kafka-property=sasl.mechanism=PLAIN", "--kafka-property=ssl.truststore.location=/etc/ts.jks",
                "--headless"), Map.of(), repo);
        assertThat(settings.kafkaProperties()).isEqualTo(Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN", "ssl.truststore.location", "/etc/ts.jks"));
        assertThat(settings.headless()).isTrue();
        assertThat(ConsoleSettings.parse(List.of(), Map.of(), repo).kafkaProperties()).isEmpty();
        assertThatThrownBy(() -> ConsoleSettings.parse(List.of("--kafka-config=missing.properties"), Map.of(), repo))
                .hasMessageContaining("--kafka-config: cannot read");
        assertThatThrownBy(() -> ConsoleSettings.parse(List.of("--kafka-property=novalue"), Map.of(), repo))
                .hasMessageContaining("--kafka-property must be KEY=VALUE");
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> ConsoleSettings.parse(List.of("--bootstrap=x"), Map.of(), repo))
                .hasMessageContaining("--bootstrap=x");
        assertThatThrownBy(() -> ConsoleSettings.parse(List.of("--refresh-seconds=fast"), Map.of(), repo))
                .hasMessageContaining("--refresh-seconds");
        assertThatThrownBy(() -> ConsoleSettings.parse(List.of("--app-url=localhost"), Map.of(), repo))
                .hasMessageContaining("--app-url");
    }
}
