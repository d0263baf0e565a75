package io.orderflow.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Accepts the operator secret as {@code Authorization: Bearer <token>} or as HTTP Basic password of the operator
 * user. The principal name goes into the audit; a Bearer caller may name themselves with {@code X-Operator}.
 */
public final class OperatorAuthenticationFilter extends OncePerRequestFilter {

    static final String ROLE = "OPERATOR";
    /** Header carrying the authenticated operator to the routes; any value sent by a client is dropped. */
    public static final String PRINCIPAL_HEADER = "X-Orderflow-Principal";

    private final OperatorToken token;

    OperatorAuthenticationFilter(OperatorToken token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String principal = principal(request.getHeader("Authorization"), request.getHeader("X-Operator"));
        if (principal != null) {
            var authentication = new UsernamePasswordAuthenticationToken(principal, null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
        // Camel's platform-http routes run on another thread than this filter, so the audited principal travels
        // as a header that only this filter can set
        chain.doFilter(new PrincipalHeaderRequest(request, principal), response);
    }

    private static final class PrincipalHeaderRequest extends HttpServletRequestWrapper {
        private final String principal;

        PrincipalHeaderRequest(HttpServletRequest request, String principal) {
            super(request);
            this.principal = principal;
        }

        @Override
        public String getHeader(String name) {
            return PRINCIPAL_HEADER.equalsIgnoreCase(name) ? principal : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (PRINCIPAL_HEADER.equalsIgnoreCase(name)) {
                return Collections.enumeration(principal == null ? List.of() : List.of(principal));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
            names.removeIf(PRINCIPAL_HEADER::equalsIgnoreCase);
            if (principal != null) {
                names.add(PRINCIPAL_HEADER);
            }
            return Collections.enumeration(names);
        }
    }

    private String principal(String authorization, String operatorName) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (!token.matches(authorization.substring(7).trim())) {
                return null;
            }
            return operatorName != null && operatorName.matches("[\\w.@-]{1,64}")
                    ? token.user() + ":" + operatorName : token.user();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String user = decoded.substring(0, colon);
            return token.matchesUser(user) && token.matches(decoded.substring(colon + 1)) ? user : null;
        }
        return null;
    }
}
