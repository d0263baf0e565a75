package io.orderflow.app.security;

import java.io.IOException;
import java.util.OptionalLong;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import io.orderflow.app.web.ServletErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses credentials from an address {@link LoginThrottle} has blocked, before they are checked, so a guesser
 * learns nothing more, right guesses included. Requests without credentials (orders, carts) are never held back.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            OptionalLong blocked = throttle.blockedFor(request.getRemoteAddr());
            if (blocked.isPresent()) {
                throttle.refused();
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(blocked.getAsLong()));
                ServletErrors.write(response, 429, "too_many_requests",
                        "too many failed logins from this address; try again in " + blocked.getAsLong() + " s");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
