package io.orderflow.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Names this running application among the instances that share a database and consumer groups: the outbox relay's
 * leases and the Kafka client ids of its consumers carry it.
 */
@Component
public class InstanceId {

    private final String name;

    public InstanceId() {
        // the random part tells apart two applications in one JVM (tests, the benchmark)
        String name = host() + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.name = name.length() <= 100 ? name : name.substring(name.length() - 100);
    }

    public String name() {
        return name;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
