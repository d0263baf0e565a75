package io.orderflow.app.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sets {@link AuthenticatedOperator}'s headers from the authentication Spring Security established for this
 * request, and drops whatever a client sent under those names: the audit names the authenticated person only.
 */
final class OperatorHeaderFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Map<String, String> headers = authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? Map.of()
                : operatorHeaders(new AuthenticatedOperator(authentication.getName(),
                        OperatorRole.of(authentication.getAuthorities())));
        chain.doFilter(new OperatorHeaderRequest(request, headers), response);
    }

    private static Map<String, String> operatorHeaders(AuthenticatedOperator operator) {
        return Map.of(AuthenticatedOperator.NAME_HEADER, operator.name(),
                AuthenticatedOperator.ROLES_HEADER, operator.rolesHeader());
    }

    private static final class OperatorHeaderRequest extends HttpServletRequestWrapper {
        private static final List<String> OWN = List.of(AuthenticatedOperator.NAME_HEADER,
                AuthenticatedOperator.ROLES_HEADER);
        private final Map<String, String> headers;

        OperatorHeaderRequest(HttpServletRequest request, Map<String, String> headers) {
            super(request);
            this.headers = headers;
        }

        private static String own(String name) {
            return OWN.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(null);
        }

        @Override
        public String getHeader(String name) {
            String own = own(name);
            return own == null ? super.getHeader(name) : headers.get(own);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String own = own(name);
            if (own == null) {
                return super.getHeaders(name);
            }
            String value = headers.get(own);
            return Collections.enumeration(value == null ? List.of() : List.of(value));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
            names.removeIf(name -> own(name) != null);
            names.addAll(headers.keySet());
            return Collections.enumeration(names);
        }
    }
}
