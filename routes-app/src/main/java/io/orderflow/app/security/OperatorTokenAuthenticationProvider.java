package io.orderflow.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The operator token as {@code Authorization: Bearer <token>} or as the Basic password of the token user: an
 * {@code admin}. A Bearer token that is not it is refused here and left to the JWT provider, if there is one (the
 * provider manager tries the next provider after a refusal); a Basic login of another user is not this provider's.
 */
final class OperatorTokenAuthenticationProvider implements AuthenticationProvider {

    private final OperatorToken token;

    OperatorTokenAuthenticationProvider(OperatorToken token) {
        this.token = token;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (request instanceof BearerTokenAuthenticationToken bearer) {
            if (token.matches(bearer.getToken())) {
                return admin(request);
            }
            throw new BadCredentialsException("not the operator token");
        }
        if (!token.matchesUser(request.getName())) {
            return null; // a named account: the DAO provider's
        }
        if (request.getCredentials() instanceof String password && token.matches(password)) {
            return admin(request);
        }
        throw new BadCredentialsException("wrong operator token");
    }

    private Authentication admin(Authentication request) {
        var authenticated = UsernamePasswordAuthenticationToken.authenticated(token.user(), null,
                OperatorRole.ADMIN.grants());
        authenticated.setDetails(request.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> type) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(type)
                || UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}
