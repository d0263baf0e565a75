package io.orderflow.app.web;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.stereotype.Component;

/**
 * REST DSL settings shared by all APIs. Binding is off: {@link JsonApi} reads and writes bodies itself so every
 * error, including malformed JSON and wrong content types, gets the same JSON shape. Routes are served by Camel's
 * servlet under {@link ApiServletMapping#PATH}, so each {@code rest(...)} path is relative to it.
 */
@Component
public class RestSetup extends RouteBuilder {

    private final String servletName;

    public RestSetup(ServletRegistrationBean<CamelHttpTransportServlet> apiServlet) {
        this.servletName = apiServlet.getServletName();
    }

    @Override
    public void configure() {
        restConfiguration()
                .component("servlet")
                .contextPath(ApiServletMapping.PATH)
                .endpointProperty("servletName", servletName)
                .bindingMode(RestBindingMode.off)
                .apiContextPath("/api-doc")
                .apiProperty("api.title", "Orderflow API")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "Orders, carts and dead-letter operations of the Orderflow pipeline");
    }
}
