package io.orderflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Stands in for an identity provider: an RSA key pair made for the test run, its public key as the PEM file the
 * app is pointed at, and signed JWTs with whatever issuer, roles and expiry a test needs.
 */
final class TestIdentityProvider {

    static final String ISSUER = "https://idp.orderflow.test/realms/ops";

    private final KeyPair keys = newKeyPair();
    private final KeyPair stranger = newKeyPair();
    private final Path publicKeyFile;

    TestIdentityProvider(Path dir) {
        publicKeyFile = dir.resolve("idp-public-key.pem");
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Files.writeString(publicKeyFile, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path publicKeyFile() {
        return publicKeyFile;
    }

    String token(String name, List<String> roles) {
        return sign(keys, ISSUER, name, roles, Instant.now().plusSeconds(300));
    }

    String expiredToken(String name, List<String> roles) {
        // well past the decoder's 60 s allowance for clock skew
        return sign(keys, ISSUER, name, roles, Instant.now().minusSeconds(600));
    }

    String tokenFromIssuer(String issuer, String name, List<String> roles) {
        return sign(keys, issuer, name, roles, Instant.now().plusSeconds(300));
    }

    String tokenSignedByAnotherKey(String name, List<String> roles) {
        return sign(stranger, ISSUER, name, roles, Instant.now().plusSeconds(300));
    }

    private static String sign(KeyPair keys, String issuer, String name, List<String> roles, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("sub-" + name)
                .claim("preferred_username", name)
                .claim("roles", roles)
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
