package io.orderflow.console;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.orderflow.console.api.OperatorCredentials;

/**
 * How the console is started: {@code --name=value} options, with environment variables and defaults behind them.
 *
 * @param token        how the console signs in to the app: the operator token, a user and password, or a bearer
 *                     token (see OperatorCredentials)
 * @param refresh      how often Kafka and the app are sampled; rates, lag windows and history follow from it
 * @param lagWindow    samples in Burrow's evaluation window; rates are averaged over the same span
 * @param kafkaProperties client settings for every Kafka client of the console (SASL, SSL, ...): the
 *                     {@code --kafka-config} file, overridden by each {@code --kafka-property}
 * @param snapshotDir  when set, the console writes a PNG of each view after {@code snapshotAfter} and exits
 * @param headless     render without a display (Monocle), for snapshots on a machine without a screen
 */
public record ConsoleSettings(String bootstrapServers, Map<String, String> kafkaProperties, URI appUrl,
                              Optional<OperatorCredentials> token, Duration refresh, int lagWindow,
                              Optional<Path> snapshotDir, Duration snapshotAfter, boolean headless) {

    public static final String USAGE = """
            Options (all optional):
              --bootstrap-servers=HOST:PORT  Kafka cluster to watch (env KAFKA_BOOTSTRAP_SERVERS, default localhost:9092)
              --kafka-config=FILE            Kafka client properties for a secured cluster (security.protocol,
                                             sasl.*, ssl.*), like the --command-config of Kafka's own tools
              --kafka-property=KEY=VALUE     one client property; repeatable, wins over --kafka-config
              --app-url=URL                  Orderflow app for orders and dead-letter actions
                                             (env ORDERFLOW_APP_URL, default http://localhost:8082)
              --token=TOKEN                  operator token (env ORDERFLOW_OPERATOR_TOKEN, else the file
                                             data/operator-token or ../data/operator-token)
              --user=NAME --password=PW      an operator account instead (env ORDERFLOW_OPERATOR_USER and
                                             ORDERFLOW_OPERATOR_PASSWORD); or env ORDERFLOW_BEARER_TOKEN
                                             for an identity provider's token
              --refresh-seconds=N            sampling interval, default 2
              --lag-window=N                 samples in Burrow's lag evaluation window (and the span rates
                                             are averaged over), default 10
              --snapshot-dir=DIR             write a PNG of every view into DIR, then exit
              --snapshot-after=SECONDS       when to take those snapshots, default 20
              --headless                     no window: render off-screen (with --snapshot-dir on a machine
                                             without a display)
            """;

    private static final Set<String> OPTIONS = Set.of("bootstrap-servers", "kafka-config", "kafka-property",
            "app-url", "token", "user", "password", "refresh-seconds", "lag-window", "snapshot-dir", "snapshot-after");
    private static final String HEADLESS = "--headless";

    /** Parses the command line; throws IllegalArgumentException with a readable message on a bad option. */
    public static ConsoleSettings parse(List<String> args, Map<String, String> env, Path workingDir) {
        Map<String, String> options = new HashMap<>();
        List<String> kafkaProperties = new ArrayList<>();
        boolean headless = false;
        for (String arg : args) {
            if (arg.equals(HEADLESS)) {
                headless = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
            if (name.equals("kafka-property")) {
                kafkaProperties.add(arg.substring(equals + 1));
            } else {
                options.put(name, arg.substring(equals + 1));
            }
        }
        String bootstrap = first(options.get("bootstrap-servers"), env.get("KAFKA_BOOTSTRAP_SERVERS"), "localhost:9092");
        URI app = URI.create(first(options.get("app-url"), env.get("ORDERFLOW_APP_URL"), "http://localhost:8082"));
        if (app.getScheme() == null || app.getHost() == null) {
            throw new IllegalArgumentException("--app-url must be an http(s) URL, got '" + app + "'");
        }
        Optional<OperatorCredentials> token = OperatorCredentials.resolve(options.get("user"), options.get("password"),
                options.get("token"), env, workingDir);
        double refreshSeconds = number(options, "refresh-seconds", 2, 0.2, 60);
        int window = (int) number(options, "lag-window", 10, 2, 100);
        Optional<Path> snapshots = Optional.ofNullable(options.get("snapshot-dir")).map(workingDir::resolve);
        double snapshotAfter = number(options, "snapshot-after", 20, 0, 3600);
        return new ConsoleSettings(bootstrap, kafkaProperties(options.get("kafka-config"), kafkaProperties, workingDir),
                app, token, Duration.ofMillis(Math.round(refreshSeconds * 1000)), window, snapshots,
                Duration.ofMillis(Math.round(snapshotAfter * 1000)), headless);
    }

    /** The properties file first, then each {@code key=value} over it, in the order given. */
    private static Map<String, String> kafkaProperties(String file, List<String> pairs, Path workingDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (file != null) {
            Path path = workingDir.resolve(file);
            Properties loaded = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                loaded.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("--kafka-config: cannot read " + path + " (" + e.getMessage() + ")");
            }
            loaded.stringPropertyNames().stream().sorted().forEach(k -> properties.put(k, loaded.getProperty(k)));
        }
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("--kafka-property must be KEY=VALUE, got '" + pair + "'");
            }
            properties.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return Map.copyOf(properties);
    }

    private static double number(Map<String, String> options, String name, double fallback, double min, double max) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException("--" + name + " must be a number from " + min + " to " + max
                + ", got '" + text + "'");
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        throw new IllegalStateException("no default");
    }
}
