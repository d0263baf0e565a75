package io.orderflow.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator secret that guards dead-letter and fault endpoints. Taken from configuration
 * ({@code orderflow.security.operator-token} or {@code ORDERFLOW_OPERATOR_TOKEN}); otherwise generated once, kept
 * in {@code <data-dir>/operator-token} (owner-only) and printed at the start that created it. Never a fixed default.
 */
public final class OperatorToken {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorToken.class);
    static final String FILE_NAME = "operator-token";

    private final String user;
    private final byte[] secret;

    private OperatorToken(String user, String secret) {
        this.user = user;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static OperatorToken resolve(String user, String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new OperatorToken(user, configured.trim());
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new OperatorToken(user, Files.readString(file).trim());
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Files.createDirectories(dataDir);
            Files.writeString(file, token + "\n");
            restrictToOwner(file);
            LOG.warn("Generated operator token (stored in {}; shown only now): {}", file.toAbsolutePath(), token);
            return new OperatorToken(user, token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    public String user() {
        return user;
    }

    /** Constant-time, so response timing does not reveal how much of a guess was right. */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
    }

    public boolean matchesUser(String candidate) {
        return candidate != null && MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot restrict permissions of {}", file, e);
        }
    }
}
