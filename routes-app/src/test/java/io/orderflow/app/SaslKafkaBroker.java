package io.orderflow.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A Kafka broker (KRaft, broker and controller) in the test JVM whose client listener only takes SASL/SCRAM-SHA-512,
 * as a secured cluster does. Brokers and the controller talk over their own PLAINTEXT listeners, which the test also
 * uses to create the SCRAM user through the admin API, as an operator would with kafka-configs.
 */
final class SaslKafkaBroker implements AutoCloseable {

    static final String USER = "orderflow";
    static final String PASSWORD = "orderflow-kafka-secret";
    private static final String CONTROLLER = "CONTROLLER";
    private static final String INTERNAL = "INTERNAL";

    private final int saslPort = AppProcess.freePort();
    private final int internalPort = AppProcess.freePort();
    private final KafkaRaftServer server;

    SaslKafkaBroker() throws Exception {
        Path dir = Files.createTempDirectory("sasl-kafka-");
        int controllerPort = AppProcess.freePort();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "SASL_PLAINTEXT://localhost:" + saslPort + "," + INTERNAL + "://localhost:"
                + internalPort + "," + CONTROLLER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + saslPort + "," + INTERNAL
                + "://localhost:" + internalPort);
        props.put("controller.listener.names", CONTROLLER);
        props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT," + INTERNAL + ":PLAINTEXT,"
                + CONTROLLER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", INTERNAL);
        props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("log.dirs", dir.toString());
        props.put("metadata.log.dir", dir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        props.put("group.initial.rebalance.delay.ms", "0");
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        new Formatter().setPrintStream(System.out).setClusterId(Uuid.randomUuid().toString()).setNodeId(1)
                .setDirectories(List.of(dir.toString())).setMetadataLogDirectory(dir.toString())
                .setControllerListenerName(CONTROLLER).setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrap()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), PASSWORD))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The only listener a client of the cluster is given. */
    String saslBootstrap() {
        return "localhost:" + saslPort;
    }

    /** The test's own way in, without credentials, for what a neighbour service would write. */
    String internalBootstrap() {
        return "localhost:" + internalPort;
    }

    /** The application's settings for this cluster, as an operator writes them (README, docs/production.md). */
    List<String> applicationArguments(String password) {
        return List.of("--camel.component.kafka.brokers=" + saslBootstrap(),
                "--orderflow.kafka.client-properties.security.protocol=SASL_PLAINTEXT",
                "--orderflow.kafka.client-properties.sasl.mechanism=SCRAM-SHA-512",
                "--orderflow.kafka.client-properties.sasl.jaas.config=org.apache.kafka.common.security.scram"
                        + ".ScramLoginModule required username=\"" + USER + "\" password=\"" + password + "\";");
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
