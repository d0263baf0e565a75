package io.orderflow.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import io.orderflow.app.OrderflowProperties;

/**
 * The named operators of {@code orderflow.security.operators.<name>}, for HTTP Basic. Checked at start, so a typo
 * in a role or a password stored in clear fails the start instead of locking someone out (or in) later.
 */
final class OperatorAccounts {

    private OperatorAccounts() {
    }

    static InMemoryUserDetailsManager of(Map<String, OrderflowProperties.Operator> operators, String tokenUser) {
        List<UserDetails> users = new ArrayList<>();
        operators.forEach((name, account) -> users.add(user(name, account, tokenUser)));
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(String name, OrderflowProperties.Operator account, String tokenUser) {
        String where = "orderflow.security.operators." + name;
        if (name.equalsIgnoreCase(tokenUser)) {
            throw new IllegalArgumentException(where + ": '" + tokenUser + "' is the operator token's user"
                    + " (orderflow.security.operator-user); give the account another name");
        }
        String password = account.password();
        if (password == null || !password.startsWith("{") || password.startsWith("{noop}")) {
            throw new IllegalArgumentException(where + ".password must be a hash with its encoder id, such as"
                    + " {bcrypt}$2a$10$...");
        }
        if (account.roles().isEmpty()) {
            throw new IllegalArgumentException(where + ".roles: give at least one of viewer, operator, admin");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : account.roles()) {
            authorities.addAll(OperatorRole.parse(role).orElseThrow(() -> new IllegalArgumentException(
                    where + ".roles: unknown role '" + role + "'; roles are viewer, operator, admin")).grants());
        }
        return User.withUsername(name).password(password).authorities(authorities.stream().distinct().toList())
                .build();
    }
}
