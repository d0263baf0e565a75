package io.orderflow.app.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.orderflow.app.OrderflowProperties;

/**
 * A verified JWT as an operator: the name from {@code orderflow.security.jwt.name-claim} (else {@code sub}), the
 * roles from {@code roles-claim}, a list or a space-separated string; a dotted path reaches into objects, as in
 * Keycloak's {@code realm_access.roles}. Values that are not our roles are ignored: an identity provider's token
 * carries roles for many applications.
 */
final class OperatorJwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OrderflowProperties.Jwt settings;

    OperatorJwtRoles(OrderflowProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String value : values(claim(jwt.getClaims(), settings.rolesClaim()))) {
            OperatorRole.parse(value).ifPresent(role -> authorities.addAll(role.grants()));
        }
        String name = claim(jwt.getClaims(), settings.nameClaim()) instanceof String given && !given.isBlank()
                ? given : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities, name);
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(step);
        }
        return value;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        if (claim instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
