package io.orderflow.app.web;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The APIs answer JSON only, so a request whose {@code Accept} admits no JSON gets a 406 in the API's error shape
 * before a route runs. Camel's own check (the REST DSL's {@code clientRequestValidation}) answers in plain text.
 * Runs after authentication, like {@link Utf8BodyFilter}.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
public class AcceptJsonFilter extends ApiOnlyFilter {

    static final String DETAIL =
            "the response can only be application/json; send Accept: application/json, or no Accept";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank() && !admitsJson(accept)) {
            ServletErrors.write(response, 406, "not_acceptable", DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean admitsJson(String accept) {
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return types.stream()
                .anyMatch(type -> type.getQualityValue() > 0 && type.includes(MediaType.APPLICATION_JSON));
    }
}
