package io.orderflow.app.web;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * REST DSL settings shared by all APIs. Binding is off: {@link JsonApi} reads and writes bodies itself so every
 * error, including malformed JSON and wrong content types, gets the same JSON shape.
 */
@Component
public class RestSetup extends RouteBuilder {

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .bindingMode(RestBindingMode.off)
                .apiContextPath("/api/api-doc")
                .apiProperty("api.title", "Orderflow API")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "Orders, carts and dead-letter operations of the Orderflow pipeline");
    }
}
