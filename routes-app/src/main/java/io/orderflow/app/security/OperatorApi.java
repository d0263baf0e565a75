package io.orderflow.app.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.orderflow.app.web.ApiErrorResponses;
import io.orderflow.app.web.JsonApi;

/** {@code GET /api/operators/me}: who the credentials belong to and what they may do, e.g. for the console. */
@Component
public class OperatorApi extends RouteBuilder {

    private final JsonApi json;

    public OperatorApi(JsonApi json) {
        this.json = json;
    }

    @Override
    public void configure() {
        rest("/operators").description("The signed-in operator")
                .get("/me").description("Name and roles of the credentials sent; each role includes the ones"
                        + " before it: viewer, operator, admin").produces("application/json")
                    .responseMessage().code(401).message("no or wrong credentials").endResponseMessage()
                    .to("direct:operator-api-me");

        from("direct:operator-api-me").routeId("operator-api-me")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> {
                    AuthenticatedOperator operator = AuthenticatedOperator.required(exchange);
                    Map<String, Object> me = new LinkedHashMap<>();
                    me.put("name", operator.name());
                    me.put("roles", operator.roles().stream().map(OperatorRole::roleName).toList());
                    json.respond(exchange, 200, me);
                });
    }
}
