package io.orderflow.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a stand-in HTTP server: what it sends, and how answers and failures come back. */
class OrderflowApiTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + auth + " " + sent);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private OrderflowApi api(String token) {
        return new OrderflowApi(URI.create("http://localhost:" + server.getAddress().getPort() + "/"),
                Optional.ofNullable(token).map(t -> new OperatorCredentials("Bearer " + t, "test")));
    }

    @Test
    void deadLetterCallsCarryTheBearerTokenAndTheirFilters() {
        body = "{\"page\":0,\"size\":50,\"total\":0,\"items\":[]}";
        api("s3cret").deadLetters(new DeadLetterQuery("order-events", "a.B Exception", null, "PENDING", 50)).join();
        assertThat(requests.get(0)).isEqualTo("GET /api/dead-letters?topic=order-events&exception=a.B+Exception"
                + "&state=PENDING&page=0&size=50 Bearer s3cret ");
    }

    @Test
    void meSendsAccountCredentialsAndReadsTheRoles() {
        body = "{\"name\":\"vera\",\"roles\":[\"viewer\"]}";
        OperatorCredentials vera = OperatorCredentials.resolve("vera", "pw", null, Map.of(), Path.of(".")).orElseThrow();
        OperatorIdentity identity = new OrderflowApi(URI.create("http://localhost:" + server.getAddress().getPort()),
                Optional.of(vera)).me().join();
        assertThat(requests.get(0)).isEqualTo("GET /api/operators/me Basic dmVyYTpwdw== ");
        assertThat(identity.name()).isEqualTo("vera");
        assertThat(identity.may("viewer")).isTrue();
        assertThat(identity.may("operator")).isFalse();
    }

    @Test
    void ordersSummaryNeedsNoToken() {
        body = "{\"CREATED\":1,\"DELIVERED\":4}";
        assertThat(api("s3cret").ordersSummary().join()).containsEntry("DELIVERED", 4L);
        assertThat(requests.get(0)).endsWith(" null ");
    }

    @Test
    void aReplaySendsItsSelectionAndReadsTheCountUnderEitherName() {
        body = "{\"dryRun\":true,\"requested\":2,\"accepted\":1,\"refused\":1,\"results\":["
                + "{\"id\":\"a\",\"outcome\":\"WOULD_REPLAY\"},{\"id\":\"b\",\"outcome\":\"REFUSED\",\"reason\":\"loop\"}]}";
        ReplayResult result = api("t").dryRun(ReplayRequest.ofIds(List.of("a", "b"), true)).join();
        assertThat(requests.get(0)).endsWith("{\"ids\":[\"a\",\"b\"],\"dryRun\":true}");
        assertThat(result.replayed()).isEqualTo(1);
        assertThat(result.accepted()).isEqualTo(1);

        body = "{\"discarded\":3,\"results\":[]}";
        assertThat(api("t").discard(List.of("x"), "why").join().discarded()).isEqualTo(3);
    }

    @Test
    void anErrorAnswerBecomesAnApiExceptionWithTheAppsWords() {
        status = 401;
        body = "{\"error\":\"unauthorized\",\"detail\":\"operator credentials required\"}";
        assertThatThrownBy(() -> api(null).audit(10).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.unauthorized()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("HTTP 401 unauthorized: operator credentials required");
                });
    }

    @Test
    void anAppThatIsNotThereIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        OrderflowApi api = new OrderflowApi(URI.create("http://localhost:" + closed), Optional.empty());
        assertThatThrownBy(() -> api.health().join()).cause()
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.unreachable()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("connection refused");
                });
    }
}
