package io.orderflow.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP/1.1 load generator on plain sockets: {@code connections} keep-alive connections, each sending
 * {@code POST /api/orders} as soon as the previous answer arrived. Cheap per request, so on a 2-core machine most of
 * the CPU is left to the application. A connection the server closes (Tomcat ends keep-alive after 100 requests by
 * default) is reopened, as wrk does.
 */
final class RestLoad implements AutoCloseable {

    static final String ORDER_JSON = "{\"customerId\":\"bench-rest\","
            + "\"items\":[{\"productId\":\"bench-product\",\"quantity\":1,\"price\":12.50}]}";

    private final int port;
    private final byte[] request;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean running = true;
    private volatile Window window = new Window();

    RestLoad(int port, int connections) {
        this.port = port;
        byte[] body = ORDER_JSON.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/orders HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        this.request = new byte[h.length + body.length];
        System.arraycopy(h, 0, request, 0, h.length);
        System.arraycopy(body, 0, request, h.length, body.length);
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(this::work, "rest-load-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
    }

    void start() {
        workers.forEach(Thread::start);
    }

    /** Starts a new measurement window and returns the one that just ended. */
    Window swap() {
        Window ended = window;
        window = new Window();
        ended.close();
        return ended;
    }

    /**
     * Waits until the current window has a completed request, at most {@code limit}: on a machine saturated by
     * other processes a short (smoke) window can end before the first order is placed.
     */
    void awaitFirstResponse(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (window.ok.sum() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling a counter the workers own; nothing to wait on
        }
    }

    long reconnects() {
        return reconnects.get();
    }

    private void work() {
        while (running) {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1024);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                boolean keepAlive = true;
                while (running && keepAlive) {
                    long start = System.nanoTime();
                    out.write(request);
                    out.flush();
                    Response response = read(in);
                    window.record(System.nanoTime() - start, response.status >= 200 && response.status < 300);
                    keepAlive = response.keepAlive;
                }
            } catch (IOException e) {
                if (running) {
                    window.failed();
                }
            }
            if (running) {
                reconnects.incrementAndGet();
            }
        }
    }

    private record Response(int status, boolean keepAlive) {
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean keepAlive = true;
        String header;
        while (!(header = line(in)).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                keepAlive = false;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0) {
                skip(in, size);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(in, length);
        } else if (length < 0) {
            throw new IOException("response without length");
        }
        return new Response(status, keepAlive);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
        throw new EOFException("connection closed");
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    throw new EOFException("connection closed in body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : workers) {
            t.join(10_000);
        }
    }

    /** Counts and a 10-microsecond latency histogram (up to 1 s) of one measurement window. */
    static final class Window {
        private static final int BUCKET_US = 10;
        private static final int BUCKETS = 100_000;
        private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS + 1);
        private final LongAdder ok = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final AtomicLong maxNanos = new AtomicLong();
        private final long started = System.nanoTime();
        private volatile long ended;

        void record(long nanos, boolean success) {
            if (success) {
                ok.increment();
            } else {
                failed.increment();
            }
            histogram.incrementAndGet((int) Math.min(BUCKETS, nanos / 1000 / BUCKET_US));
            maxNanos.accumulateAndGet(nanos, Math::max);
        }

        void failed() {
            failed.increment();
        }

        void close() {
            ended = System.nanoTime();
        }

        double seconds() {
            return ((ended == 0 ? System.nanoTime() : ended) - started) / 1e9;
        }

        double okPerSecond() {
            return ok.sum() / seconds();
        }

        long ok() {
            return ok.sum();
        }

        long failures() {
            return failed.sum();
        }

        double percentileMs(double p) {
            long total = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                total += histogram.get(i);
            }
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(p / 100.0 * total);
            long seen = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                seen += histogram.get(i);
                if (seen >= rank) {
                    return (i + 1) * BUCKET_US / 1000.0;
                }
            }
            return maxNanos.get() / 1e6;
        }

        Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("requests_per_s", Stats.round(okPerSecond(), 1));
            out.put("ok", ok());
            out.put("failed", failures());
            out.put("seconds", Stats.round(seconds(), 2));
            out.put("p50_ms", Stats.round(percentileMs(50), 2));
            out.put("p99_ms", Stats.round(percentileMs(99), 2));
            out.put("max_ms", Stats.round(maxNanos.get() / 1e6, 2));
            return out;
        }
    }
}
