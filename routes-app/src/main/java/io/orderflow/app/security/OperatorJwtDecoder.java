package io.orderflow.app.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import io.orderflow.app.OrderflowProperties;

/**
 * The decoder for operators' JWTs, from {@code orderflow.security.jwt.*}. Not Spring Boot's resource-server
 * auto-configuration: given an issuer it prefers OpenID discovery over the network at the first login, even with a
 * public key at hand, and a failed discovery is a 500, not a 401. Here the keys are named explicitly and the
 * issuer is only checked.
 */
final class OperatorJwtDecoder {

    private OperatorJwtDecoder() {
    }

    static Optional<JwtDecoder> from(OrderflowProperties.Jwt settings) {
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            return Optional.empty();
        }
        NimbusJwtDecoder decoder;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        } else if (settings.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(settings)).build();
        } else {
            throw new IllegalArgumentException("orderflow.security.jwt.issuer is set: also set jwk-set-uri or"
                    + " public-key-location, where the identity provider's signing keys are");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(settings.issuer())); // expiry with 60 s skew, issuer
        if (!settings.audiences().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(settings.audiences()::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return Optional.of(decoder);
    }

    private static RSAPublicKey publicKey(OrderflowProperties.Jwt settings) {
        try (InputStream pem = settings.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read orderflow.security.jwt.public-key-location "
                    + settings.publicKeyLocation(), e);
        }
    }
}
