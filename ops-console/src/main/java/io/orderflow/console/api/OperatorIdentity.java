package io.orderflow.console.api;

import java.util.List;

/** Who the app says the console's credentials belong to ({@code GET /api/operators/me}). */
public record OperatorIdentity(String name, List<String> roles) {

    /** Roles include the ones below them, so {@code "operator"} is there for an admin too. */
    public boolean may(String role) {
        return roles != null && roles.contains(role);
    }
}
