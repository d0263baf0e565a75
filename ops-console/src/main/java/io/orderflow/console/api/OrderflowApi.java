package io.orderflow.console.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The app's REST API, asynchronously: calls return futures completed on the HTTP client's threads, never blocking
 * the FX thread. Every write goes through here, so the app audits it. Failures complete the future with an
 * {@link ApiException}.
 */
public final class OrderflowApi {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final Optional<OperatorCredentials> credentials;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public OrderflowApi(URI base, Optional<OperatorCredentials> credentials) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public URI base() {
        return base;
    }

    /** The {@code status} of {@code /actuator/health}; a DOWN app answers 503 with a body, still a status. */
    public CompletableFuture<String> health() {
        return send(request("actuator/health", false).GET(), new TypeReference<JsonNode>() { }, 503)
                .thenApply(body -> body.path("status").asText("UNKNOWN"));
    }

    public CompletableFuture<Map<String, Long>> ordersSummary() {
        return send(request("api/orders/summary", false).GET(), new TypeReference<Map<String, Long>>() { });
    }

    public CompletableFuture<OrderDetails> order(String orderId) {
        return send(request("api/orders/" + encode(orderId), false).GET(), new TypeReference<OrderDetails>() { });
    }

    /** Who the credentials belong to and their roles, so the views offer only what the app will allow. */
    public CompletableFuture<OperatorIdentity> me() {
        return send(request("api/operators/me", true).GET(), new TypeReference<OperatorIdentity>() { });
    }

    /** Recent orders, newest first; {@code status} null for all. */
    public CompletableFuture<List<OrderSummary>> recentOrders(String status, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("limit", limit);
        return send(request("api/orders" + queryString(params), false).GET(), new TypeReference<JsonNode>() { })
                .thenApply(page -> json.convertValue(page.path("items"), new TypeReference<List<OrderSummary>>() { }));
    }

    public CompletableFuture<DeadLetterSummary> deadLetterSummary() {
        return send(request("api/dead-letters/summary", true).GET(), new TypeReference<DeadLetterSummary>() { });
    }

    public CompletableFuture<DeadLetterPage> deadLetters(DeadLetterQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("topic", query.topic());
        params.put("exception", query.exception());
        params.put("orderId", query.orderId());
        params.put("state", query.state());
        params.put("page", 0);
        params.put("size", query.size());
        return send(request("api/dead-letters" + queryString(params), true).GET(),
                new TypeReference<DeadLetterPage>() { });
    }

    /** A dry run: the verdicts and the selection id that confirms them. */
    public CompletableFuture<ReplayResult> dryRun(ReplayRequest replay) {
        return send(post("api/dead-letters/replay", replay), new TypeReference<ReplayResult>() { });
    }

    /** A real replay: the app accepts it as a job (202) and runs it in the background. */
    public CompletableFuture<ReplayJob> startReplay(ReplayRequest replay) {
        return send(post("api/dead-letters/replay", replay), new TypeReference<ReplayJob>() { });
    }

    public CompletableFuture<ReplayJob> replayJob(String id) {
        return send(request("api/dead-letters/replay-jobs/" + encode(id), true).GET(),
                new TypeReference<ReplayJob>() { });
    }

    public CompletableFuture<List<ReplayJob>> replayJobs(int limit) {
        return send(request("api/dead-letters/replay-jobs?limit=" + limit, true).GET(),
                new TypeReference<List<ReplayJob>>() { });
    }

    public CompletableFuture<ReplayJob> cancelReplay(String id) {
        return send(request("api/dead-letters/replay-jobs/" + encode(id), true).DELETE(),
                new TypeReference<ReplayJob>() { });
    }

    public CompletableFuture<RouteReport> routes() {
        return send(request("api/routes", true).GET(), new TypeReference<RouteReport>() { });
    }

    public CompletableFuture<RouteAction.Outcome> control(String routeId, RouteAction action) {
        return send(request("api/routes/" + encode(routeId) + "/" + action.path(), true)
                .POST(HttpRequest.BodyPublishers.noBody()), new TypeReference<RouteAction.Outcome>() { });
    }

    public CompletableFuture<DiscardResult> discard(List<String> ids, String reason) {
        return send(post("api/dead-letters/discard", Map.of("ids", ids, "reason", reason)),
                new TypeReference<DiscardResult>() { });
    }

    public CompletableFuture<List<AuditEntry>> audit(int limit) {
        return send(request("api/dead-letters/audit?limit=" + limit, true).GET(),
                new TypeReference<List<AuditEntry>>() { });
    }

    private HttpRequest.Builder request(String path, boolean authenticated) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (authenticated) {
            credentials.ifPresent(c -> builder.header("Authorization", c.authorization()));
        }
        return builder;
    }

    private HttpRequest.Builder post(String path, Object body) {
        try {
            return request(path, true).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
    }

    private <T> CompletableFuture<T> send(HttpRequest.Builder request, TypeReference<T> type, int... alsoAccepted) {
        HttpRequest built = request.build();
        return http.sendAsync(built, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw new ApiException(0, "unreachable", describe(cause));
                    }
                    return read(built, response, type, alsoAccepted);
                });
    }

    private <T> T read(HttpRequest request, HttpResponse<byte[]> response, TypeReference<T> type, int... alsoAccepted) {
        int status = response.statusCode();
        boolean accepted = status / 100 == 2 || Arrays.stream(alsoAccepted).anyMatch(s -> s == status);
        if (!accepted) {
            throw error(request, status, response.body());
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ApiException(status, "unreadable response from " + request.uri().getPath(), e.getMessage());
        }
    }

    private ApiException error(HttpRequest request, int status, byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.isObject()) {
                return new ApiException(status, error.path("error").asText("error"),
                        error.path("detail").asText(error.path("message").asText(null)));
            }
        } catch (IOException e) {
            // not the app's JSON error (a proxy page, an empty body): report the status with the raw text
        }
        return new ApiException(status, request.method() + " " + request.uri().getPath() + " failed",
                body.length == 0 ? null : new String(body, StandardCharsets.UTF_8));
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static String queryString(Map<String, Object> params) {
        String query = params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                .map(e -> e.getKey() + "=" + encode(e.getValue().toString()))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
