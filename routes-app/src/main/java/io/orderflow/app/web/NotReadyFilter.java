package io.orderflow.app.web;

import java.io.IOException;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers the APIs with 503 and {@code Retry-After} while the application does not accept traffic. Tomcat listens
 * before Camel has registered the REST routes with its servlet, and again while the application shuts down; in
 * those windows a request would otherwise get a 404 for an endpoint that exists, which a client takes as final.
 * The readiness state is Spring Boot's, the one {@code /actuator/health/readiness} reports, so both say the same.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NotReadyFilter extends ApiOnlyFilter {

    private static final String DETAIL =
            "the application is starting or stopping; nothing was stored; send the request again";

    private final ApplicationAvailability availability;

    public NotReadyFilter(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            response.setHeader("Retry-After", "1");
            ServletErrors.write(response, 503, "service_unavailable", DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }
}
