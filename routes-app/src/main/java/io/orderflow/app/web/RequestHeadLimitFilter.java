package io.orderflow.app.web;

import java.io.IOException;
import java.util.Collections;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 414 for a URL over {@link #MAX_URL_CHARS}, 431 for headers over {@link #MAX_HEADER_BYTES}, in JSON. Tomcat only
 * knows one limit for both together ({@code server.max-http-request-header-size}) and answers a plain 400 past it, so
 * that limit is set above these two (application.yml) and this filter draws the finer lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestHeadLimitFilter extends OncePerRequestFilter {

    public static final int MAX_URL_CHARS = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        int url = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (url > MAX_URL_CHARS) {
            ServletErrors.write(response, 414, "uri_too_long",
                    "the URL is " + url + " characters; the limit is " + MAX_URL_CHARS);
            return;
        }
        long headers = 0;
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                headers += name.length() + value.length() + 4; // ": " and CRLF
            }
        }
        if (headers > MAX_HEADER_BYTES) {
            ServletErrors.write(response, 431, "request_header_fields_too_large",
                    "the headers are " + headers + " bytes; the limit is " + MAX_HEADER_BYTES);
            return;
        }
        chain.doFilter(request, response);
    }
}
