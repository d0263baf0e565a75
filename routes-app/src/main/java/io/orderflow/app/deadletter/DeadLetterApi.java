package io.orderflow.app.deadletter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.security.AuthenticatedOperator;
import io.orderflow.app.web.ApiException;
import io.orderflow.app.web.ApiRouteBuilder;
import io.orderflow.app.web.JsonApi;

/**
 * {@code /api/dead-letters}: list, group, replay, discard and audit. Every endpoint needs operator credentials
 * (enforced by the security filter chain), reads included, because payloads carry customer data.
 */
@Component
public class DeadLetterApi extends ApiRouteBuilder {

    private static final int MAX_BULK = 10_000;

    private final DeadLetterStore store;
    private final DeadLetterActions actions;
    private final AuditLog audit;
    private final OrderflowProperties.DeadLetters settings;

    public DeadLetterApi(JsonApi json, DeadLetterStore store, DeadLetterActions actions, AuditLog audit,
                         OrderflowProperties properties) {
        super(json);
        this.store = store;
        this.actions = actions;
        this.audit = audit;
        this.settings = properties.deadLetters();
    }

    @Override
    protected void configureApi() {
        rest("/api/dead-letters").description("Dead letters (operator credentials required)")
                .get().description("Dead letters, newest first, filtered and paged").produces("application/json")
                    .param().name("topic").type(RestParamType.query).description("original topic").required(false).endParam()
                    .param().name("exception").type(RestParamType.query).description("part of the exception class").required(false).endParam()
                    .param().name("orderId").type(RestParamType.query).required(false).endParam()
                    .param().name("state").type(RestParamType.query).description("PENDING, REPLAYED or DISCARDED").required(false).endParam()
                    .param().name("from").type(RestParamType.query).description("ISO-8601 instant, failed at or after").required(false).endParam()
                    .param().name("to").type(RestParamType.query).description("ISO-8601 instant, failed before").required(false).endParam()
                    .param().name("page").type(RestParamType.query).description("from 0").required(false).endParam()
                    .param().name("size").type(RestParamType.query).description("1-200, default 50").required(false).endParam()
                    .to("direct:dead-letter-api-list")
                .get("/summary").description("Counts by original topic and exception class").produces("application/json")
                    .to("direct:dead-letter-api-summary")
                .get("/audit").description("Past replays, dry runs and discards, newest first").produces("application/json")
                    .to("direct:dead-letter-api-audit")
                .post("/replay").description("Replay selected dead letters (ids, or a filter over pending ones) to"
                        + " their original topic; dryRun reports without sending")
                    .consumes("application/json").produces("application/json").type(DeadLetterRequests.Replay.class)
                    .to("direct:dead-letter-api-replay")
                .post("/discard").description("Mark dead letters resolved without replaying, with a reason")
                    .consumes("application/json").produces("application/json").type(DeadLetterRequests.Discard.class)
                    .to("direct:dead-letter-api-discard");

        from("direct:dead-letter-api-list").routeId("dead-letter-api-list").process(this::list);
        from("direct:dead-letter-api-summary").routeId("dead-letter-api-summary")
                .process(exchange -> json.respond(exchange, 200, store.groups()));
        from("direct:dead-letter-api-audit").routeId("dead-letter-api-audit")
                .process(exchange -> json.respond(exchange, 200,
                        audit.recent(json.intParam(exchange, "limit", 100, 1, 1000))));
        from("direct:dead-letter-api-replay").routeId("dead-letter-api-replay").process(this::replay);
        from("direct:dead-letter-api-discard").routeId("dead-letter-api-discard").process(this::discard);
    }

    private void list(Exchange exchange) {
        var in = exchange.getMessage();
        DeadLetterFilter filter = new DeadLetterFilter(
                DeadLetterRequests.blankToNull(in.getHeader("topic", String.class)),
                DeadLetterRequests.blankToNull(in.getHeader("exception", String.class)),
                DeadLetterRequests.blankToNull(in.getHeader("orderId", String.class)),
                instant(in.getHeader("from", String.class), "from"),
                instant(in.getHeader("to", String.class), "to"),
                state(in.getHeader("state", String.class)));
        int page = json.intParam(exchange, "page", 0, 0, 1_000_000);
        int size = json.intParam(exchange, "size", 50, 1, 200);
        DeadLetterStore.Page result = store.find(filter, page, size);
        json.respond(exchange, 200, Map.of("page", page, "size", size, "total", result.total(),
                "items", result.items()));
    }

    private void replay(Exchange exchange) {
        String actor = AuthenticatedOperator.required(exchange).name();
        DeadLetterRequests.Replay request = json.read(exchange, DeadLetterRequests.Replay.class);
        List<DeadLetterStore.Stored> selected = select(request.ids(), request.filter());
        int rate = request.ratePerSecond() == null ? settings.defaultReplayRatePerSecond()
                : Math.min(request.ratePerSecond(), settings.maxReplayRatePerSecond());
        json.respond(exchange, 200, actions.replay(selected, request.dryRun(), rate, actor));
    }

    private void discard(Exchange exchange) {
        String actor = AuthenticatedOperator.required(exchange).name();
        DeadLetterRequests.Discard request = json.read(exchange, DeadLetterRequests.Discard.class);
        json.respond(exchange, 200, actions.discard(select(request.ids(), null), request.reason().trim(), actor));
    }

    private List<DeadLetterStore.Stored> select(List<String> ids, DeadLetterRequests.Filter filter) {
        if ((ids == null || ids.isEmpty()) == (filter == null)) {
            throw ApiException.badRequest("give either 'ids' or 'filter'");
        }
        if (filter != null) {
            return store.select(filter.toFilter().pendingOnly(), MAX_BULK);
        }
        List<DeadLetterStore.Stored> found = store.byIds(ids);
        if (found.size() != ids.size()) {
            List<String> known = found.stream().map(s -> s.deadLetter().id()).toList();
            throw ApiException.notFound("unknown dead letter ids: "
                    + ids.stream().filter(id -> !known.contains(id)).limit(10).toList());
        }
        return found;
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static DeadLetter.State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeadLetter.State.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("state must be PENDING, REPLAYED or DISCARDED");
        }
    }
}
