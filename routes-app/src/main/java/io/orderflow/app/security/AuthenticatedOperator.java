package io.orderflow.app.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;

import io.orderflow.app.web.ApiException;

/**
 * The person behind a request, as a route sees it: {@link OperatorHeaderFilter} hands the authenticated name and
 * roles over as request headers that only it can set, so a route reads them from its exchange rather than from
 * Spring Security's thread-bound context (a route may continue on another thread than the one the filters ran on).
 */
public record AuthenticatedOperator(String name, List<OperatorRole> roles) {

    static final String NAME_HEADER = "X-Orderflow-Operator";
    static final String ROLES_HEADER = "X-Orderflow-Operator-Roles";

    public static Optional<AuthenticatedOperator> of(Exchange exchange) {
        String name = exchange.getMessage().getHeader(NAME_HEADER, String.class);
        if (name == null) {
            return Optional.empty();
        }
        String roles = exchange.getMessage().getHeader(ROLES_HEADER, String.class);
        return Optional.of(new AuthenticatedOperator(name, roles == null || roles.isEmpty() ? List.of()
                : Arrays.stream(roles.split(",")).map(OperatorRole::valueOf).toList()));
    }

    /** The authenticated operator; the security rules let no one else reach an operator route. */
    public static AuthenticatedOperator required(Exchange exchange) {
        return of(exchange).orElseThrow(() -> new ApiException(401, "unauthorized", "operator credentials required"));
    }

    String rolesHeader() {
        return roles.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
