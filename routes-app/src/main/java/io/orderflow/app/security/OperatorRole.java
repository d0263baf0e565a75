package io.orderflow.app.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an operator may do. Each role includes the ones before it: a {@code viewer} reads dead letters, the audit
 * and faults; an {@code operator} also replays and discards; an {@code admin} also injects faults.
 */
public enum OperatorRole {
    VIEWER, OPERATOR, ADMIN;

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spring Security's name for it, as {@code hasRole} checks. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * This role and every role it includes, so every check (the URL rules, Spring Boot's health details) sees the
     * same thing without a role hierarchy of its own.
     */
    public List<GrantedAuthority> grants() {
        return Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
    }

    public static Optional<OperatorRole> parse(String name) {
        return Arrays.stream(values()).filter(role -> role.roleName().equalsIgnoreCase(name.trim())).findFirst();
    }

    /** The roles a set of granted authorities amounts to, lowest first. */
    public static List<OperatorRole> of(Collection<? extends GrantedAuthority> authorities) {
        return Arrays.stream(values())
                .filter(role -> authorities.stream().anyMatch(a -> role.authority().equals(a.getAuthority())))
                .toList();
    }
}
