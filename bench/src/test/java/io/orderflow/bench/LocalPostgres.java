package io.orderflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.orderflow.testsupport.AppProcess;

/**
 * A throwaway PostgreSQL for the benchmark, from the project's {@code scripts/with-postgres.sh} (which installs
 * Debian's package when absent and we are root, starts a fresh cluster on a free loopback port and removes it when
 * its command ends). The command here prints the connection settings and then waits for its stdin to close, so
 * {@link #close()} ends it and the script's trap stops and deletes the cluster.
 *
 * <p>The script runs the server with {@code fsync=off}, {@code full_page_writes=off} and
 * {@code synchronous_commit=off} (fine for CI's tests). Each benchmark database turns {@code synchronous_commit} back
 * on ({@code ALTER DATABASE}), so a commit waits for its WAL write as in production; without fsync that write is
 * not flushed to the disk, which flatters PostgreSQL's commit cost a little.
 */
final class LocalPostgres implements AppDatabase, AutoCloseable {

    private static final String PRINT_AND_WAIT = "echo \"$ORDERFLOW_TEST_POSTGRES_URL\"; "
            + "echo \"$ORDERFLOW_TEST_POSTGRES_USER\"; echo \"$ORDERFLOW_TEST_POSTGRES_PASSWORD\"; cat >/dev/null";

    private final Process script;
    private final Path log;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String version;
    private final AtomicInteger databases = new AtomicInteger();

    private LocalPostgres(Process script, Path log, String adminUrl, String user, String password, String version) {
        this.script = script;
        this.log = log;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.version = version;
    }

    /**
     * Runs the script (installing PostgreSQL first can take minutes) and waits until it printed the connection
     * settings; throws with the script's output when it fails or takes longer than {@code timeoutMs}.
     */
    static LocalPostgres start(Path script, Path log, long timeoutMs) throws IOException, InterruptedException {
        if (!Files.isExecutable(script)) {
            throw new IOException(script + " is missing or not executable");
        }
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(script.toString(), "sh", "-c", PRINT_AND_WAIT)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // no kill on exit: when this JVM ends, the script's stdin closes and its trap removes the cluster
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(64);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    lines.offer(line);
                }
            } catch (IOException e) {
                // the script ended
            }
        }, "bench-postgres-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        String version = "?";
        List<String> settings = new ArrayList<>();
        while (settings.size() < 3) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                process.destroyForcibly();
                String why = process.isAlive() || !process.waitFor(10, TimeUnit.SECONDS) ? "no PostgreSQL within "
                        + timeoutMs / 1000 + " s" : "scripts/with-postgres.sh exited with " + process.exitValue();
                throw new IOException(why + ": " + AppProcess.tail(log, 5).replace('\n', ' '));
            }
            if (line.startsWith("PostgreSQL ")) {
                version = line.split(" ")[1]; // "PostgreSQL 15.10 on 127.0.0.1:port for: ..."
            } else if (line.startsWith("jdbc:postgresql:") || !settings.isEmpty()) {
                settings.add(line);
            }
        }
        return new LocalPostgres(process, log, settings.get(0), settings.get(1), settings.get(2), version);
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String note() {
        return "PostgreSQL " + version + " from scripts/with-postgres.sh on loopback: fsync=off, full_page_writes=off"
                + " (the script's); synchronous_commit=on for the bench's databases; size = pg_database_size";
    }

    @Override
    public Instance fresh(Path dataDir) throws SQLException {
        String name = "orderflow_bench_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name);
            sql.execute("create database " + name);
            sql.execute("alter database " + name + " set synchronous_commit = on");
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return new Instance() {
            @Override
            public List<String> appArgs() {
                return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password);
            }

            @Override
            public long sizeBytes() throws SQLException {
                try (Connection c = DriverManager.getConnection(url, user, password);
                     Statement sql = c.createStatement();
                     ResultSet rs = sql.executeQuery("select pg_database_size(current_database())")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        };
    }

    /** Closes the script's stdin: its command ends and its trap stops and removes the cluster. */
    @Override
    public void close() throws IOException, InterruptedException {
        script.getOutputStream().close();
        if (!script.waitFor(60, TimeUnit.SECONDS)) {
            script.destroy();
            if (!script.waitFor(10, TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
        }
    }

    Path log() {
        return log;
    }
}
