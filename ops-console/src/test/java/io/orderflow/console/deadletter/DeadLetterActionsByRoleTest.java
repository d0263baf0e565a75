package io.orderflow.console.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import io.orderflow.console.api.OperatorCredentials;
import io.orderflow.console.api.OrderflowApi;
import io.orderflow.console.background.Reachability;

/** The inbox offers replay and discard only to roles the app lets do them; a viewer still reads everything. */
class DeadLetterActionsByRoleTest {

    private static final List<String> WRITES = List.of("dlt-replay-selected", "dlt-replay-group", "dlt-rate",
            "dlt-discard-reason", "dlt-discard");

    private HttpServer server;
    private volatile String roles;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        server.stop(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"\"viewer\"|false", "\"viewer\",\"operator\"|true",
            "\"viewer\",\"operator\",\"admin\"|true"})
    void writeActionsFollowTheRole(String granted, boolean shown) throws Exception {
        roles = granted;
        OrderflowApi api = new OrderflowApi(URI.create("http://localhost:" + server.getAddress().getPort()),
                Optional.of(new OperatorCredentials("Bearer t", "test")));
        DeadLetterView view = WaitForAsyncUtils.asyncFx(() -> {
            DeadLetterView created = new DeadLetterView(api, new Reachability("test"), orderId -> { },
                    new ReplayJobWatch(api));
            new Scene(created, 1200, 700);
            created.applyCss(); // skins the controls, so the split panes hold their items and lookups find them
            created.refresh();
            return created;
        }).get(60, TimeUnit.SECONDS); // the first view of a JVM loads JavaFX's skins and CSS: slow on 2 busy cores

        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            for (String id : WRITES) {
                assertThat(visible(view, id)).as(id).isEqualTo(shown);
            }
        });
        assertThat(visible(view, "dlt-trace")).as("reading and tracing stay").isTrue();
    }

    private static boolean visible(DeadLetterView view, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node node = view.lookup("#" + id);
            assertThat(node).as(id).isNotNull();
            return node.isVisible() && node.isManaged();
        }).get(30, TimeUnit.SECONDS);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = switch (path) {
            case "/api/operators/me" -> "{\"name\":\"someone\",\"roles\":[" + roles + "]}";
            case "/api/dead-letters" -> "{\"page\":0,\"size\":200,\"total\":0,\"items\":[]}";
            default -> "[]";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
