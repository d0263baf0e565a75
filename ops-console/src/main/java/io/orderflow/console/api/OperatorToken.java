package io.orderflow.console.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's credential for the dead-letter endpoints, and where it came from (shown in the status bar, never
 * the token itself). Looked up in order: {@code --token=}, the environment variable, then the token file the app
 * writes into its data directory, relative to where the console runs (the repository root or a module directory).
 */
public record OperatorToken(String value, String source) {

    public static final String ENV = "ORDERFLOW_OPERATOR_TOKEN";
    public static final List<Path> FILES = List.of(Path.of("data", "operator-token"), Path.of("..", "data", "operator-token"));

    public static Optional<OperatorToken> resolve(String argument, Map<String, String> env, Path workingDir) {
        if (argument != null && !argument.isBlank()) {
            return Optional.of(new OperatorToken(argument.trim(), "--token"));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(new OperatorToken(fromEnv.trim(), ENV));
        }
        for (Path candidate : FILES) {
            Path file = workingDir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return Optional.of(new OperatorToken(read(file), "file " + candidate));
            }
        }
        return Optional.empty();
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
        return "OperatorToken[from " + source + "]";
    }
}
