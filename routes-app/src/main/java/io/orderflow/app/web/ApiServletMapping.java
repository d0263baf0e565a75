package io.orderflow.app.web;

import java.util.UUID;

import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves the REST DSL's routes under {@value #PATH} through Camel's servlet, which runs a route on the Tomcat thread
 * that took the request; everything else (actuator, the error page) stays with Spring MVC's dispatcher at
 * {@code /}. This is what camel-servlet's Spring Boot starter would register; its 4.18 release is not published.
 */
@Configuration(proxyBeanMethods = false)
public class ApiServletMapping {

    /** The path the APIs live under; {@link RestSetup} declares every route relative to it. */
    public static final String PATH = "/api";

    @Bean
    ServletRegistrationBean<CamelHttpTransportServlet> camelServlet() {
        ServletRegistrationBean<CamelHttpTransportServlet> mapping =
                new ServletRegistrationBean<>(new CamelHttpTransportServlet(), PATH + "/*");
        // The name camel-servlet's consumers look the servlet up by (RestSetup passes it to them), in a registry
        // that is one per JVM: unique, so applications sharing a JVM (tests, the in-process benchmark) each get
        // their own routes.
        mapping.setName("orderflow-api-" + UUID.randomUUID());
        mapping.setLoadOnStartup(1);
        return mapping;
    }
}
