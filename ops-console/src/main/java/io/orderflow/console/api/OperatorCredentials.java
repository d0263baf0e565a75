package io.orderflow.console.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the console signs in to the app, as the {@code Authorization} header it sends, and where that came from (shown
 * in the status bar, never the secret). Looked up in order: {@code --user=} with {@code --password=} (or the password
 * variable), {@code --token=}, then the environment: a user and password, an identity provider's bearer token, the
 * operator token; last the token file the app writes into its data directory, relative to where the console runs
 * (the repository root or a module directory).
 */
public record OperatorCredentials(String authorization, String source) {

    public static final String TOKEN_ENV = "ORDERFLOW_OPERATOR_TOKEN";
    public static final String USER_ENV = "ORDERFLOW_OPERATOR_USER";
    public static final String PASSWORD_ENV = "ORDERFLOW_OPERATOR_PASSWORD";
    public static final String BEARER_ENV = "ORDERFLOW_BEARER_TOKEN";
    public static final List<Path> FILES = List.of(Path.of("data", "operator-token"),
            Path.of("..", "data", "operator-token"));

    public static Optional<OperatorCredentials> resolve(String user, String password, String token,
                                                        Map<String, String> env, Path workingDir) {
        if (present(user)) {
            String secret = present(password) ? password : env.get(PASSWORD_ENV);
            if (!present(secret)) {
                throw new IllegalArgumentException("--user needs --password or " + PASSWORD_ENV);
            }
            return Optional.of(basic(user.trim(), secret, "--user " + user.trim()));
        }
        if (present(token)) {
            return Optional.of(bearer(token, "--token"));
        }
        if (present(env.get(USER_ENV)) && present(env.get(PASSWORD_ENV))) {
            String name = env.get(USER_ENV).trim();
            return Optional.of(basic(name, env.get(PASSWORD_ENV), USER_ENV + " " + name));
        }
        for (String variable : List.of(BEARER_ENV, TOKEN_ENV)) {
            if (present(env.get(variable))) {
                return Optional.of(bearer(env.get(variable), variable));
            }
        }
        for (Path candidate : FILES) {
            Path file = workingDir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return Optional.of(bearer(read(file), "file " + candidate));
            }
        }
        return Optional.empty();
    }

    private static OperatorCredentials basic(String user, String password, String source) {
        return new OperatorCredentials("Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)), source);
    }

    private static OperatorCredentials bearer(String token, String source) {
        return new OperatorCredentials("Bearer " + token.trim(), source);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator token from " + file, e);
        }
    }

    @Override
    public String toString() {
        return "OperatorCredentials[from " + source + "]";
    }
}
