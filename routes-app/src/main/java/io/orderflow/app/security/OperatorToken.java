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
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single operator secret, the zero-configuration way in (it acts as an {@code admin}). Taken from configuration
 * ({@code orderflow.security.operator-token} or {@code ORDERFLOW_OPERATOR_TOKEN}); otherwise generated once and kept
 * in {@code <data-dir>/operator-token} (owner-only). Never a fixed default, and never in the log: logs are shipped
 * to and kept by other systems, so the log only says where the file is.
 */
public final class OperatorToken {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorToken.class);
    static final String FILE_NAME = "operator-token";
    /** What a Bearer token may contain (RFC 6750), so it works as Bearer and Basic alike; and not guessable. */
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._~+/-]{16,}=*");

    private final String user;
    private final byte[] secret;

    private OperatorToken(String user, String secret) {
        this.user = user;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static OperatorToken resolve(String user, String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (!USABLE.matcher(configured.trim()).matches()) {
                throw new IllegalArgumentException("the operator token must be at least 16 characters of"
                        + " A-Z a-z 0-9 . _ ~ + / - (a Bearer token's characters)");
            }
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
            createOwnerOnly(file);
            Files.writeString(file, token + "\n");
            // a generated token is one data dir's: instances behind one load balancer would each answer 401 to
            // the others' token
            LOG.warn("Generated an operator token (an admin credential) into {}; read it from there. It is this"
                    + " instance's own: with several instances, give them all the same ORDERFLOW_OPERATOR_TOKEN"
                    + " (or operators or JWT settings, see docs/production.md)", file.toAbsolutePath());
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

    /** Owner-only from its creation, so the secret is never readable by others, not even for a moment. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            LOG.debug("{} has no POSIX permissions; the token file gets the directory's defaults", file);
            Files.createFile(file);
        }
    }
}
