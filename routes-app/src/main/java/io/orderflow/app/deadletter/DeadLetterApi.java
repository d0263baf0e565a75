package io.orderflow.app.deadletter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.security.AuthenticatedOperator;
import io.orderflow.app.web.ApiException;
import io.orderflow.app.web.ApiErrorResponses;
import io.orderflow.app.web.JsonApi;

/**
 * {@code /api/dead-letters}: list, count, replay (as jobs), discard and audit. Every endpoint needs operator
 * credentials (enforced by the security filter chain), reads included, because payloads carry customer data.
 */
@Component
public class DeadLetterApi extends RouteBuilder {

    private static final int MAX_BULK = 10_000;

    private final JsonApi json;
    private final DeadLetterStore store;
    private final DeadLetterActions actions;
    private final ReplayJobs jobs;
    private final AuditLog audit;
    private final OrderflowProperties.DeadLetters settings;

    public DeadLetterApi(JsonApi json, DeadLetterStore store, DeadLetterActions actions, ReplayJobs jobs,
                         AuditLog audit, OrderflowProperties properties) {
        this.json = json;
        this.store = store;
        this.actions = actions;
        this.jobs = jobs;
        this.audit = audit;
        this.settings = properties.deadLetters();
    }

    @Override
    public void configure() {
        rest("/dead-letters").description("Dead letters (operator credentials required)")
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
                .get("/summary").description("Counts by original topic and exception class (bySource) and by the"
                        + " consumer group that dead-lettered them (byConsumerGroup)").produces("application/json")
                    .to("direct:dead-letter-api-summary")
                .get("/audit").description("Past replays, dry runs and discards, newest first").produces("application/json")
                    .to("direct:dead-letter-api-audit")
                .post("/replay").description("Replay dead letters to their original topic as a job. dryRun reports"
                        + " the verdicts and pins the selection (selectionId); a replay of a selectionId, ids or a"
                        + " filter over pending ones answers 202 with the job and its Location")
                    .consumes("application/json").produces("application/json").type(DeadLetterRequests.Replay.class)
                    .to("direct:dead-letter-api-replay")
                .get("/replay-jobs").description("Recent replay jobs, newest first").produces("application/json")
                    .to("direct:dead-letter-api-jobs")
                .get("/replay-jobs/{jobId}").description("A replay job's progress: selected, sent, refused, failed,"
                        + " remaining, state").produces("application/json")
                    .to("direct:dead-letter-api-job")
                .delete("/replay-jobs/{jobId}").description("Cancel a replay job: queued ones at once, running ones"
                        + " after the record in flight").produces("application/json")
                    .to("direct:dead-letter-api-job-cancel")
                .post("/discard").description("Mark dead letters resolved without replaying, with a reason")
                    .consumes("application/json").produces("application/json").type(DeadLetterRequests.Discard.class)
                    .to("direct:dead-letter-api-discard");

        from("direct:dead-letter-api-list").routeId("dead-letter-api-list")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::list);
        from("direct:dead-letter-api-summary").routeId("dead-letter-api-summary")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> json.respond(exchange, 200, Map.of("bySource", store.groups(),
                        "byConsumerGroup", store.countsByConsumerGroup())));
        from("direct:dead-letter-api-audit").routeId("dead-letter-api-audit")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> json.respond(exchange, 200,
                        audit.recent(json.intParam(exchange, "limit", 100, 1, 1000))));
        from("direct:dead-letter-api-replay").routeId("dead-letter-api-replay")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::replay);
        from("direct:dead-letter-api-discard").routeId("dead-letter-api-discard")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::discard);
        from("direct:dead-letter-api-jobs").routeId("dead-letter-api-jobs")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> json.respond(exchange, 200,
                        jobs.recent(json.intParam(exchange, "limit", 20, 1, 200))));
        from("direct:dead-letter-api-job").routeId("dead-letter-api-job")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> {
                    String id = json.pathId(exchange, "jobId");
                    json.respond(exchange, 200, jobs.find(id).orElseThrow(() -> unknownJob(id)));
                });
        from("direct:dead-letter-api-job-cancel").routeId("dead-letter-api-job-cancel")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> {
                    String id = json.pathId(exchange, "jobId");
                    ReplayJobs.Cancellation cancellation =
                            jobs.cancel(id, AuthenticatedOperator.required(exchange).name());
                    ReplayJobStore.Job job = cancellation.job().orElseThrow(() -> unknownJob(id));
                    if (!cancellation.cancelled()) {
                        throw ApiException.conflict("job " + id + " is " + job.state() + ": nothing to cancel");
                    }
                    json.respond(exchange, 202, job);
                });
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
        int rate = request.ratePerSecond() == null ? settings.defaultReplayRatePerSecond()
                : Math.min(request.ratePerSecond(), settings.maxReplayRatePerSecond());
        if (request.selectionId() != null) {
            if (request.dryRun() || request.ids() != null || request.filter() != null) {
                throw ApiException.badRequest("'selectionId' confirms a dry run: give it alone, with ratePerSecond");
            }
            ReplayJobs.Confirmation confirmation = jobs.confirm(request.selectionId(), rate, actor);
            ReplayJobStore.Job job = confirmation.job().orElseThrow(() -> ApiException.notFound(
                    "no dry run with selection " + request.selectionId() + " (dry runs are kept for 24 hours)"));
            if (!confirmation.started()) {
                throw ApiException.conflict("selection " + job.id() + " was already confirmed: job " + job.state());
            }
            accepted(exchange, job);
            return;
        }
        List<DeadLetterStore.Stored> selected = select(request.ids(), request.filter());
        if (request.dryRun()) {
            json.respond(exchange, 200, jobs.plan(selected, actor));
        } else {
            accepted(exchange, jobs.start(selected, rate, actor));
        }
    }

    /** 202: the job runs in the background; its Location reports the progress. */
    private void accepted(Exchange exchange, ReplayJobStore.Job job) {
        json.respond(exchange, 202, job);
        exchange.getMessage().setHeader("Location", "/api/dead-letters/replay-jobs/" + job.id());
    }

    private static ApiException unknownJob(String id) {
        return ApiException.notFound("no replay job " + id);
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
