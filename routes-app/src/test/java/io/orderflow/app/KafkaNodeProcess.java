package io.orderflow.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.orderflow.app.kafka.EmbeddedKafkaBroker;
import io.orderflow.testsupport.AppProcess;

/**
 * One node (broker and controller) of a local KRaft cluster in its own JVM, so a test can kill it like a crashed
 * machine and start it again on the same log directory. {@link #main} is what runs in that JVM.
 */
final class KafkaNodeProcess implements AutoCloseable {

    private final EmbeddedKafkaBroker.Node node;
    private final Path dataDir;
    private final Path log;
    private Process process;

    KafkaNodeProcess(EmbeddedKafkaBroker.Node node, Path dataDir, Path log) {
        this.node = node;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Args: id, data dir, client port, controller port, voters as id:port,…, cluster id, replication. */
    public static void main(String[] args) {
        Map<Integer, Integer> voters = Arrays.stream(args[4].split(",")).map(voter -> voter.split(":"))
                .collect(Collectors.toMap(v -> Integer.parseInt(v[0]), v -> Integer.parseInt(v[1])));
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[1]), new EmbeddedKafkaBroker.Node(
                Integer.parseInt(args[0]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), voters, args[5],
                Short.parseShort(args[6])));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-node-shutdown"));
    }

    /** Starts the JVM and returns at once; see {@link #awaitListening}. */
    KafkaNodeProcess start() throws IOException {
        String voters = node.voters().entrySet().stream().map(v -> v.getKey() + ":" + v.getValue())
                .collect(Collectors.joining(","));
        process = AppProcess.java("256m", System.getProperty("java.class.path"), KafkaNodeProcess.class,
                List.of(String.valueOf(node.id()), dataDir.toString(), String.valueOf(node.clientPort()),
                        String.valueOf(node.controllerPort()), voters, node.clusterId(),
                        String.valueOf(node.replication())), log).start();
        return this;
    }

    /** Waits for the node's client port: the nodes of a cluster start together, since each waits for a quorum. */
    KafkaNodeProcess awaitListening() {
        // a node waits for a quorum of controllers: minutes on a loaded 2-core machine
        await().atMost(3, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka node " + node.id() + " exited; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", node.clientPort()), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    String bootstrap() {
        return "localhost:" + node.clientPort();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
