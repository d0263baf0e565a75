package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.testsupport.AppProcess;

/**
 * The application as it runs in production (its own JVM, its own logging), read back from its log: no secret in
 * it, and no line a client can forge.
 */
class SecretsAndLogIT {

    /** A fault pattern is logged when an admin sets it: a client-chosen text with line breaks and a NUL. */
    private static final String FORGING_FAULT = "{\"permanentFailurePattern\":"
            + "\"never-matches\\nERROR 1 --- [orderflow] forged by a client\\r\\n\\u0000\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aGeneratedTokenIsInItsFileOnlyAndInputCannotForgeALogLine() throws Exception {
        Path dataDir = Files.createTempDirectory("orderflow-secrets-");
        Path log = freshLog("secrets-generated-token.log");
        String token;
        try (AppProcess app = AppProcess.configuredBy(dataDir, log, Map.of()).start()) {
            Path tokenFile = dataDir.resolve("operator-token");
            token = Files.readString(tokenFile).trim();
            assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(call(app, "PUT", "/api/faults/payment", FORGING_FAULT, "Bearer " + token).statusCode())
                    .isEqualTo(200);
            await().atMost(30, TimeUnit.SECONDS).until(() -> Files.readString(log).contains("faults at stage payment"));
        }
        String text = Files.readString(log);
        assertThat(text).doesNotContain(token)
                .contains("Generated an operator token (an admin credential) into " + dataDir.resolve("operator-token"));
        List<String> lines = text.lines().toList();
        assertThat(lines).filteredOn(line -> line.contains("faults at stage payment")).singleElement().asString()
                .contains("never-matches\\nERROR 1 --- [orderflow] forged by a client\\r\\n\\u0000")
                .endsWith(" by operator");
        assertThat(lines).noneMatch(line -> line.startsWith("ERROR 1 --- [orderflow] forged"));
        assertThat(text).doesNotContain("\u0000");
    }

    @Test
    void theTokenFromTheEnvironmentWorksAndJsonLinesAreASetting() throws Exception {
        Path dataDir = Files.createTempDirectory("orderflow-secrets-");
        Path log = freshLog("secrets-env-token.log");
        String token = "env-token-0123456789abcdef";
        try (AppProcess app = AppProcess.configuredBy(dataDir, log, Map.of("ORDERFLOW_OPERATOR_TOKEN", token),
                "--logging.structured.format.console=ecs").start()) {
            HttpResponse<String> me = call(app, "GET", "/api/operators/me", null, "Bearer " + token);
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(json.readTree(me.body()).get("roles")).extracting(JsonNode::asText)
                    .containsExactly("viewer", "operator", "admin");
            assertThat(call(app, "GET", "/api/operators/me", null, "Bearer " + AppTestSupport.TOKEN).statusCode())
                    .isEqualTo(401);
            assertThat(dataDir.resolve("operator-token")).doesNotExist();
            assertThat(call(app, "PUT", "/api/faults/payment", FORGING_FAULT, "Bearer " + token).statusCode())
                    .isEqualTo(200);
            await().atMost(30, TimeUnit.SECONDS).until(() -> Files.readString(log).contains("faults at stage payment"));
        }
        String text = Files.readString(log);
        assertThat(text).doesNotContain(token);
        List<JsonNode> events = text.lines().filter(line -> line.startsWith("{")).map(this::parse).toList();
        assertThat(events).hasSizeGreaterThan(10);
        assertThat(events).filteredOn(e -> e.path("message").asText().contains("faults at stage payment"))
                .singleElement().satisfies(e -> assertThat(e.get("message").asText())
                        .contains("never-matches\nERROR 1 --- [orderflow] forged by a client\r\n\u0000"));
        assertThat(text.lines()).noneMatch(line -> line.startsWith("ERROR 1 --- [orderflow] forged"));
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static Path freshLog(String name) throws Exception {
        Path log = Path.of("target", name).toAbsolutePath();
        Files.deleteIfExists(log);
        return log;
    }

    private HttpResponse<String> call(AppProcess app, String method, String path, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
