package io.orderflow.app.cart;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import io.orderflow.app.idempotency.IdempotentRequests;
import io.orderflow.app.web.ApiException;
import io.orderflow.app.web.ApiErrorResponses;
import io.orderflow.app.web.JsonApi;

/** {@code /api/carts}: add items, read a cart, check it out into an order. */
@Component
public class CartApi extends RouteBuilder {

    private final JsonApi json;
    private final CartService carts;
    private final CartRepository repository;
    private final IdempotentRequests idempotent;

    public CartApi(JsonApi json, CartService carts, CartRepository repository, IdempotentRequests idempotent) {
        this.json = json;
        this.carts = carts;
        this.repository = repository;
        this.idempotent = idempotent;
    }

    @Override
    public void configure() {
        rest("/carts").description("Shopping carts")
                .post("/{cartId}/items").description("Add an item; creates the cart on its first item")
                    .consumes("application/json").produces("application/json")
                    .type(AddItemRequest.class).outType(CartView.class)
                    .responseMessage().code(201).message("item added").endResponseMessage()
                    .responseMessage().code(409).message("cart already checked out").endResponseMessage()
                    .to("direct:cart-api-add")
                .get("/{cartId}").description("A cart with its items").produces("application/json")
                    .outType(CartView.class)
                    .to("direct:cart-api-get")
                .post("/{cartId}/checkout").description("Check out; the order stage turns it into an order")
                    .consumes("application/json").produces("application/json").type(CheckoutRequest.class)
                    .param().name(IdempotentRequests.HEADER).type(RestParamType.header).required(false)
                        .description("a client-chosen key: the same key and request answer the first 201 again"
                                + " instead of 409; with another request, 422").endParam()
                    .responseMessage().code(201).message("checked out; Location names the order").endResponseMessage()
                    .responseMessage().code(404).message("unknown or empty cart").endResponseMessage()
                    .responseMessage().code(409).message("already checked out, or the Idempotency-Key's first"
                        + " request is still running").endResponseMessage()
                    .responseMessage().code(422).message("Idempotency-Key used for another request")
                        .endResponseMessage()
                    .to("direct:cart-api-checkout");

        from("direct:cart-api-add").routeId("cart-api-add")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::add);
        from("direct:cart-api-get").routeId("cart-api-get")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::get);
        from("direct:cart-api-checkout").routeId("cart-api-checkout")
                .routeConfigurationId(ApiErrorResponses.ID).process(this::checkout);
    }

    private void add(Exchange exchange) {
        String correlationId = json.correlationId(exchange);
        String cartId = json.pathId(exchange, "cartId");
        AddItemRequest request = json.read(exchange, AddItemRequest.class);
        json.respond(exchange, 201, carts.addItem(cartId, request, correlationId));
    }

    private void get(Exchange exchange) {
        String cartId = json.pathId(exchange, "cartId");
        json.respond(exchange, 200, repository.find(cartId, false)
                .orElseThrow(() -> ApiException.notFound("cart " + cartId + " does not exist")));
    }

    private void checkout(Exchange exchange) {
        String correlationId = json.correlationId(exchange);
        String cartId = json.pathId(exchange, "cartId");
        CheckoutRequest request = json.read(exchange, CheckoutRequest.class);
        idempotent.respond(exchange, "POST /api/carts/" + cartId + "/checkout", request, keeper ->
                checkoutAnswer(carts.checkout(cartId, request, correlationId,
                        checkedOut -> keeper.keep(checkoutAnswer(checkedOut)))));
    }

    private static IdempotentRequests.Answer checkoutAnswer(CartView cart) {
        return new IdempotentRequests.Answer(201, Map.of("cartId", cart.cartId(), "orderId", cart.orderId(),
                "status", cart.status(), "total", cart.total()), "/api/orders/" + cart.orderId());
    }
}
