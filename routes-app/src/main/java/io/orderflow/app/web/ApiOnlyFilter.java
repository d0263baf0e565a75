package io.orderflow.app.web;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.http.HttpServletRequest;

/** A filter for the APIs under {@link ApiServletMapping#PATH}; actuator and the error page are left to Spring MVC. */
abstract class ApiOnlyFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(ApiServletMapping.PATH + "/");
    }
}
