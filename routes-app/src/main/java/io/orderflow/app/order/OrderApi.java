package io.orderflow.app.order;

import java.util.Arrays;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import io.orderflow.app.idempotency.IdempotentRequests;
import io.orderflow.app.web.ApiException;
import io.orderflow.app.web.ApiErrorResponses;
import io.orderflow.app.web.JsonApi;
import io.orderflow.order.Order;
import io.orderflow.order.OrderStatus;

/** {@code /api/orders}: place an order, read one with its timeline, list recent ones, count by status. */
@Component
public class OrderApi extends RouteBuilder {

    private final JsonApi json;
    private final OrderPlacement placement;
    private final OrderQueries queries;
    private final IdempotentRequests idempotent;

    public OrderApi(JsonApi json, OrderPlacement placement, OrderQueries queries, IdempotentRequests idempotent) {
        this.json = json;
        this.placement = placement;
        this.queries = queries;
        this.idempotent = idempotent;
    }

    @Override
    public void configure() {
        rest("/orders").description("Orders")
                .post().description("Place an order. Its OrderCreated is queued with it and published to order-events"
                        + " after the commit; the order's timeline shows the CREATED step once it is published")
                    .consumes("application/json").produces("application/json")
                    .type(NewOrderRequest.class).outType(OrderQueries.OrderSummary.class)
                    .param().name(IdempotentRequests.HEADER).type(RestParamType.header).required(false)
                        .description("a client-chosen key: the same key and order answer the first 201 again and"
                                + " place nothing; with another order, 422").endParam()
                    .responseMessage().code(201).message("created; Location names the order").endResponseMessage()
                    .responseMessage().code(400).message("malformed JSON or invalid order").endResponseMessage()
                    .responseMessage().code(409).message("the Idempotency-Key's first request is still running")
                        .endResponseMessage()
                    .responseMessage().code(413).message("body over 1 MiB").endResponseMessage()
                    .responseMessage().code(415).message("not application/json").endResponseMessage()
                    .responseMessage().code(422).message("Idempotency-Key used for another order").endResponseMessage()
                    .to("direct:order-api-place")
                .get("/summary").description("Number of orders per status").produces("application/json")
                    .to("direct:order-api-summary")
                .get("/{orderId}").description("An order with its items and status timeline")
                    .produces("application/json").outType(OrderQueries.OrderDetails.class)
                    .responseMessage().code(404).message("no such order").endResponseMessage()
                    .to("direct:order-api-get")
                .get().description("Recent orders, newest first").produces("application/json")
                    .param().name("status").type(RestParamType.query)
                        .description("only orders in this status").required(false).endParam()
                    .param().name("limit").type(RestParamType.query)
                        .description("1-500, default 50").required(false).endParam()
                    .to("direct:order-api-list");

        from("direct:order-api-place").routeId("order-api-place")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::place);
        from("direct:order-api-get").routeId("order-api-get")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::get);
        from("direct:order-api-list").routeId("order-api-list")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::list);
        from("direct:order-api-summary").routeId("order-api-summary")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> json.respond(exchange, 200, queries.countByStatus()));
    }

    private void place(Exchange exchange) {
        String correlationId = json.correlationId(exchange);
        NewOrderRequest request = json.read(exchange, NewOrderRequest.class);
        idempotent.respond(exchange, "POST /api/orders", request, keeper -> answer(placement.place(
                request.customerId(), request.lines(), correlationId,
                placed -> keeper.keep(answer(placed, correlationId))), correlationId));
    }

    private static IdempotentRequests.Answer answer(Order order, String correlationId) {
        return new IdempotentRequests.Answer(201, Map.of(
                "orderId", order.orderId(),
                "status", order.status().name(),
                "customerId", order.customerId(),
                "total", order.total(),
                "createdAt", order.createdAt(),
                "correlationId", correlationId,
                // honest about what happened: the order is stored, its event waits in the outbox for the relay
                "event", "queued"), "/api/orders/" + order.orderId());
    }

    private void get(Exchange exchange) {
        String orderId = json.pathId(exchange, "orderId");
        OrderQueries.OrderDetails order = queries.find(orderId)
                .orElseThrow(() -> ApiException.notFound("order " + orderId + " does not exist"));
        json.respond(exchange, 200, order);
    }

    private void list(Exchange exchange) {
        String statusParam = exchange.getMessage().getHeader("status", String.class);
        OrderStatus status = null;
        if (statusParam != null && !statusParam.isBlank()) {
            try {
                status = OrderStatus.valueOf(statusParam.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status must be one of " + Arrays.toString(OrderStatus.values()));
            }
        }
        int limit = json.intParam(exchange, "limit", 50, 1, 500);
        var orders = queries.recent(status, limit);
        json.respond(exchange, 200, Map.of("count", orders.size(), "items", orders));
    }
}
