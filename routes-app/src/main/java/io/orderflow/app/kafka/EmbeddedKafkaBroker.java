package io.orderflow.app.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

import io.orderflow.contract.FreePorts;

/**
 * A real single-node Kafka (KRaft broker and controller) inside this JVM, so the application runs with no Kafka
 * installed; also one node of a small local cluster (the cluster test starts three). These are Kafka's internal
 * server APIs; this class is the only place that touches them.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int BIND_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker storing its logs under {@code dataDir}; formats the directory on first use and keeps its
     * topics on later starts.
     *
     * @param port the client port; 0 picks a free one
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        // A port found free is bound only later, by the broker's own start (FreePorts says why few can take it in
        // between). A start whose client port was taken is tried again on other free ports; a port given by the
        // caller is kept, so its conflict still fails after the last attempt. (A taken controller port cannot be
        // retried: Kafka's controller ends the JVM on it, ProcessTerminatingFaultHandler.)
        for (int attempt = 1; ; attempt++) {
            try {
                return start(dataDir, singleNode(port));
            } catch (RuntimeException e) {
                String bindFailure = bindFailure(e);
                if (bindFailure == null) {
                    throw e;
                }
                if (attempt == BIND_ATTEMPTS) {
                    throw new IllegalStateException("the embedded Kafka broker cannot listen: " + bindFailure, e);
                }
                LOG.warn("Embedded Kafka broker: {} Trying other free ports.", bindFailure);
            }
        }
    }

    /** The node of a cluster of one, its free ports chosen now. */
    private static Node singleNode(int port) {
        int clientPort = port == 0 ? FreePorts.pick() : port;
        int controllerPort = FreePorts.pick();
        while (controllerPort == clientPort) {
            controllerPort = FreePorts.pick();
        }
        return new Node(NODE_ID, clientPort, controllerPort, Map.of(NODE_ID, controllerPort),
                Uuid.randomUuid().toString(), (short) 1);
    }

    /** What Kafka said of the address it could not bind ("Socket server failed to bind to localhost:…"), or null. */
    private static String bindFailure(Throwable failure) {
        for (Throwable outer = failure; outer.getCause() != null; outer = outer.getCause()) {
            if (outer.getCause() instanceof BindException) {
                return outer.getMessage();
            }
        }
        return null;
    }

    /**
     * One node (broker and controller) of a cluster whose controllers are {@code voters} (node id to controller
     * port, all on localhost); every node of one cluster is formatted with the same {@code clusterId}. Internal
     * topics get {@code replication} replicas, and need all but one of them in sync.
     */
    public record Node(int id, int clientPort, int controllerPort, Map<Integer, Integer> voters, String clusterId,
                       short replication) {

        public String bootstrapServers() {
            return "localhost:" + clientPort;
        }
    }

    /** Starts one node of a cluster (see {@link Node}); the single-node default is a cluster of one. */
    public static EmbeddedKafkaBroker start(Path dataDir, Node node) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + dataDir, e);
        }
        String logDir = dataDir.toAbsolutePath().toString();
        String replication = String.valueOf(node.replication());
        String minInsync = String.valueOf(Math.max(1, node.replication() - 1));
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(node.id()));
        props.put("controller.quorum.voters", node.voters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(voter -> voter.getKey() + "@localhost:" + voter.getValue()).collect(Collectors.joining(",")));
        props.put("listeners", "PLAINTEXT://localhost:" + node.clientPort() + "," + CONTROLLER_LISTENER
                + "://localhost:" + node.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + node.clientPort());
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir);
        props.put("metadata.log.dir", logDir);
        props.put("offsets.topic.replication.factor", replication);
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", replication);
        props.put("transaction.state.log.min.isr", minInsync);
        props.put("share.coordinator.state.topic.replication.factor", replication);
        props.put("min.insync.replicas", minInsync);
        // the default dedupe buffer (128 MiB) would sit on this application's heap
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "3");

        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatIfNeeded(dataDir, logDir, node);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            // a half-started server keeps non-daemon threads running: the JVM of a failed start would never exit
            server.shutdown();
            throw e;
        }
        String bootstrap = node.bootstrapServers();
        LOG.info("Embedded Kafka broker {} started in {} ms; bootstrap servers: {} (data in {})", node.id(),
                (System.nanoTime() - started) / 1_000_000, bootstrap, logDir);
        return new EmbeddedKafkaBroker(server, bootstrap);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker stopped");
    }

    private static void formatIfNeeded(Path dataDir, String logDir, Node node) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(System.out)
                    .setClusterId(node.clusterId())
                    .setNodeId(node.id())
                    .setDirectories(List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDir, e);
        }
    }
}
