package io.orderflow.contract;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers that bind them later: the embedded Kafka broker (its address is fixed before it starts, and
 * its controller's port cannot be left to the kernel), and in tests an application or Kafka node in a process of its
 * own, or a broker restarted on its old port. A port the kernel hands out for {@code bind(0)} comes from its ephemeral
 * range, the same range its outgoing connections take their local ports from: between finding such a port free and
 * the server binding it, any Kafka or HTTP client on the machine may take it. These ports come from below that range
 * instead, where only a server asking for that very port can collide.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    /** A port below the ephemeral range, free on this machine at this moment. */
    public static int pick() {
        int end = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + end + " after " + ATTEMPTS
                + " tries");
    }

    private static boolean isFree(int port) {
        // the wildcard address as well as loopback: a server on either would make a later bind fail
        for (InetAddress address : new InetAddress[] {null, InetAddress.getLoopbackAddress()}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(address, port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static int ephemeralStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            // a range that starts (almost) as low as ours leaves nothing below it: the usual start is the best guess
            return start > LOWEST + 1_000 ? start : DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START; // not Linux: the range IANA suggests starts higher still (49152)
        }
    }
}
