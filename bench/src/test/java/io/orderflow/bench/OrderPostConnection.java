package io.orderflow.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection on a plain socket that sends {@code POST /api/orders} with a fixed order:
 * cheap per request, so on a 2-core machine most of the CPU is left to the application. Shared by the closed-loop
 * {@link RestLoad} and the open-loop {@link PacedOrders}.
 */
final class OrderPostConnection implements AutoCloseable {

    static final String ORDER_JSON = "{\"customerId\":\"bench-rest\","
            + "\"items\":[{\"productId\":\"bench-product\",\"quantity\":1,\"price\":12.50}]}";

    /** The answer: its status, whether the server keeps the connection open, and the body if it was asked for. */
    record Response(int status, boolean keepAlive, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The {@code orderId} of a 201 answer's JSON, without a JSON parser; null if absent. */
        String orderId() {
            if (body == null) {
                return null;
            }
            int key = body.indexOf("\"orderId\"");
            int open = key < 0 ? -1 : body.indexOf('"', body.indexOf(':', key) + 1);
            int close = open < 0 ? -1 : body.indexOf('"', open + 1);
            return close < 0 ? null : body.substring(open + 1, close);
        }
    }

    private final Socket socket = new Socket();
    private final byte[] request;
    private final OutputStream out;
    private final InputStream in;

    OrderPostConnection(int port) throws IOException {
        this.request = request(port);
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(60_000); // a request the application never answers fails instead of hanging a worker
            out = new BufferedOutputStream(socket.getOutputStream(), 1024);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one order and reads the answer; the body is kept only when {@code withBody}. */
    Response post(boolean withBody) throws IOException {
        out.write(request);
        out.flush();
        return read(in, withBody);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static byte[] request(int port) {
        byte[] body = ORDER_JSON.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/orders HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[h.length + body.length];
        System.arraycopy(h, 0, request, 0, h.length);
        System.arraycopy(body, 0, request, h.length, body.length);
        return request;
    }

    private static Response read(InputStream in, boolean withBody) throws IOException {
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
        ByteArrayOutputStream body = withBody ? new ByteArrayOutputStream(256) : null;
        if (chunked) {
            long size;
            while ((size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0) {
                consume(in, size, body);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            consume(in, length, body);
        } else if (length < 0) {
            throw new IOException("response without length");
        }
        return new Response(status, keepAlive, body == null ? null : body.toString(StandardCharsets.UTF_8));
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

    /** Reads {@code n} bytes of body into {@code sink}, or skips them when it is null. */
    private static void consume(InputStream in, long n, ByteArrayOutputStream sink) throws IOException {
        byte[] buffer = sink == null ? null : new byte[(int) Math.min(n, 8192)];
        while (n > 0) {
            long got;
            if (sink != null) {
                got = in.read(buffer, 0, (int) Math.min(n, buffer.length));
                if (got > 0) {
                    sink.write(buffer, 0, (int) got);
                }
            } else {
                got = in.skip(n);
                if (got <= 0 && in.read() != -1) {
                    got = 1;
                }
            }
            if (got <= 0) {
                throw new EOFException("connection closed in body");
            }
            n -= got;
        }
    }
}
