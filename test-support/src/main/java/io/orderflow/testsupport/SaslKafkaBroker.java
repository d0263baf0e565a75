package io.orderflow.testsupport;

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

import io.orderflow.contract.FreePorts;

/**
 * A Kafka broker (KRaft, broker and controller) in the test JVM whose client listener takes SASL/SCRAM-SHA-512 only,
 * as a secured cluster's does, beside a PLAINTEXT listener for the test's own set-up (and the broker's own traffic).
 * The SCRAM user is created through the admin API, as an operator would with kafka-configs.
 */
public final class SaslKafkaBroker implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";

    private final String user;
    private final int plainPort = FreePorts.pick();
    private final int saslPort = FreePorts.pick();
    private final KafkaRaftServer server;

    public SaslKafkaBroker(String user, String password) throws Exception {
        this.user = user;
        Path dir = Files.createTempDirectory("sasl-kafka-");
        int controllerPort = FreePorts.pick();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + plainPort + ",SASL_PLAINTEXT://localhost:" + saslPort + ","
                + CONTROLLER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + plainPort + ",SASL_PLAINTEXT://localhost:"
                + saslPort);
        props.put("controller.listener.names", CONTROLLER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,"
                + CONTROLLER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
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
        try (Admin admin = plainAdmin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The test's own way in, without credentials. */
    public Admin plainAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plainBootstrap()));
    }

    public String plainBootstrap() {
        return "localhost:" + plainPort;
    }

    /** The listener a client of the secured cluster is given. */
    public String saslBootstrap() {
        return "localhost:" + saslPort;
    }

    /** The client settings for the SASL listener, as an operator writes them for Kafka's own tools. */
    public Map<String, String> clientProperties(String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
