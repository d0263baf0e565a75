package io.orderflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a benchmark run: CPU samples by thread group, by component (the first frame from
 * the top of the stack that belongs to a known library), by hottest method, and by "inclusive" application frame.
 * {@code java -cp <test classpath> io.orderflow.bench.JfrTop target/bench/pipeline-saturation.jfr [top]}
 */
public final class JfrTop {

    /** Package prefixes, most specific first; a sample counts for the first one found walking down from the top. */
    private static final List<String[]> COMPONENTS = List.of(
            new String[] {"ch.qos.logback", "logging"},
            new String[] {"org.slf4j", "logging"},
            new String[] {"org.h2", "H2 database"},
            new String[] {"com.zaxxer.hikari", "Hikari pool"},
            new String[] {"org.springframework.jdbc", "Spring JDBC"},
            new String[] {"org.springframework.transaction", "Spring tx"},
            new String[] {"org.apache.camel.processor.idempotent", "Camel idempotent repo"},
            new String[] {"com.fasterxml.jackson", "Jackson JSON"},
            new String[] {"io.micrometer", "Micrometer"},
            new String[] {"org.apache.kafka.clients.producer", "Kafka producer"},
            new String[] {"org.apache.kafka.clients.consumer", "Kafka consumer"},
            new String[] {"org.apache.kafka.common", "Kafka common/network"},
            new String[] {"org.apache.kafka", "Kafka broker"},
            new String[] {"kafka.", "Kafka broker"},
            new String[] {"org.apache.camel.component.kafka", "Camel kafka"},
            new String[] {"org.apache.camel.component.servlet", "Camel servlet"},
            new String[] {"org.apache.camel.http.common", "Camel servlet"},
            new String[] {"org.apache.camel", "Camel core"},
            new String[] {"org.hibernate.validator", "bean validation"},
            new String[] {"org.springframework.security", "Spring Security"},
            new String[] {"org.apache.catalina", "Tomcat"},
            new String[] {"org.apache.coyote", "Tomcat"},
            new String[] {"org.apache.tomcat", "Tomcat"},
            new String[] {"org.springframework", "Spring"},
            new String[] {"io.orderflow", "orderflow"},
            new String[] {"sun.nio", "JDK nio"},
            new String[] {"java.util.concurrent", "JDK concurrent"},
            new String[] {"java.", "JDK"},
            new String[] {"jdk.", "JDK"},
            new String[] {"sun.", "JDK"});

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String threadFilter = args.length > 2 ? args[2] : null;
        System.out.print(summarise(Path.of(args[0]), top, threadFilter));
    }

    static String summarise(Path file, int top) throws IOException {
        return summarise(file, top, null);
    }

    /** @param threadFilter only samples of threads whose group name contains this, or null for all */
    static String summarise(Path file, int top, String threadFilter) throws IOException {
        Map<String, Integer> componentInclusive = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byComponent = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> allocByFrame = new HashMap<>();
        long allocTotal = 0;
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocTotal += weight;
                RecordedStackTrace st = event.getStackTrace();
                if (st != null) {
                    String frame = firstInteresting(st.getFrames());
                    allocByFrame.merge(frame, (int) Math.min(Integer.MAX_VALUE, weight / 1024), Integer::sum);
                }
                continue;
            }
            if (!type.equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "?"
                    : threadGroup(event.getThread("sampledThread").getJavaName());
            if (threadFilter != null && !thread.contains(threadFilter)) {
                continue;
            }
            samples++;
            byThread.merge(thread, 1, Integer::sum);
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            byMethod.merge(name(frames.get(0)), 1, Integer::sum);
            byComponent.merge(component(frames), 1, Integer::sum);
            java.util.Set<String> seenComponents = new java.util.HashSet<>();
            for (RecordedFrame f : frames) {
                String c = componentOf(f.getMethod().getType().getName());
                if (c != null && seenComponents.add(c)) {
                    componentInclusive.merge(c, 1, Integer::sum);
                }
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (isMarker(n) && seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %d CPU samples%n", file.getFileName(), samples));
        section(out, "by thread", byThread, samples, top);
        section(out, "by component (top-most known frame)", byComponent, samples, top);
        section(out, "by component, inclusive (a frame of it anywhere on the stack)", componentInclusive, samples,
                top);
        section(out, "hottest methods (self)", byMethod, samples, top);
        section(out, "inclusive: stage work and well-known costs", inclusive, samples, top);
        Map<String, Integer> allocKb = new LinkedHashMap<>(allocByFrame);
        section(out, "allocation (KiB sampled weight) by first application frame", allocKb,
                (int) Math.max(1, allocTotal / 1024), top);
        return out.toString();
    }

    private static boolean isMarker(String method) {
        return method.startsWith("io.orderflow")
                || method.startsWith("org.apache.kafka.clients.producer.KafkaProducer.send")
                || method.startsWith("org.apache.kafka.clients.producer.KafkaProducer.doSend")
                || method.startsWith("org.apache.kafka.clients.consumer.KafkaConsumer.poll")
                || method.startsWith("org.apache.kafka.clients.consumer.KafkaConsumer.commitSync")
                || method.startsWith("org.apache.camel.component.kafka.consumer.SyncCommitManager.commit")
                || method.startsWith("org.apache.camel.processor.idempotent.jdbc")
                || method.startsWith("org.springframework.transaction.support.TransactionTemplate.execute")
                || method.startsWith("org.springframework.jdbc.datasource.DataSourceTransactionManager.doCommit")
                || method.startsWith("ch.qos.logback.classic.Logger.")
                || method.startsWith("org.h2.engine.SessionLocal.commit")
                || method.startsWith("org.h2.mvstore.MVStore.commit")
                || method.startsWith("org.apache.camel.impl.engine.DefaultUnitOfWork")
                || method.startsWith("org.apache.camel.support.EventHelper")
                || method.startsWith("io.micrometer")
                || method.startsWith("com.fasterxml.jackson.databind.ObjectMapper.")
                || method.startsWith("org.apache.camel.component.kafka.KafkaProducer.process")
                || method.startsWith("org.apache.camel.impl.engine.DefaultProducerTemplate")
                || method.startsWith("org.apache.camel.component.kafka.KafkaFetchRecords.poll")
                || method.startsWith("org.apache.camel.component.kafka.KafkaFetchRecords.startPolling")
                || method.startsWith("org.springframework.security.web.FilterChainProxy.doFilter")
                || method.startsWith("org.apache.camel.component.servlet.CamelServlet.service")
                || method.startsWith("org.springframework.web.servlet.DispatcherServlet.doDispatch")
                || method.startsWith("jakarta.validation")
                || method.startsWith("org.hibernate.validator.internal.engine.ValidatorImpl.validate")
                || method.startsWith("org.springframework.transaction.interceptor.TransactionInterceptor.invoke")
                || method.startsWith("org.apache.catalina.connector.CoyoteAdapter.service");
    }

    private static String firstInteresting(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")) {
                return n;
            }
        }
        return frames.isEmpty() ? "?" : name(frames.get(0));
    }

    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (String[] c : COMPONENTS) {
                if (type.startsWith(c[0]) && !c[1].startsWith("JDK")) {
                    return c[1];
                }
            }
        }
        String type = frames.get(0).getMethod().getType().getName();
        for (String[] c : COMPONENTS) {
            if (type.startsWith(c[0])) {
                return c[1];
            }
        }
        return "other";
    }

    private static String componentOf(String type) {
        for (String[] c : COMPONENTS) {
            if (type.startsWith(c[0])) {
                return c[1].startsWith("JDK") ? null : c[1];
            }
        }
        return null;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** Thread names without their numbers, so the pool's threads add up. */
    static String threadGroup(String name) {
        if (name == null) {
            return "?";
        }
        if (name.startsWith("Camel") && name.contains("KafkaConsumer")) {
            int open = name.indexOf('[');
            return "camel consumer " + (open >= 0 ? name.substring(open) : name);
        }
        return name.replaceAll("[-#]?\\d+", "#");
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts, int total, int top) {
        out.append(String.format(Locale.ROOT, "%n  %s%n", title));
        counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "    %5.1f%%  %7d  %s%n",
                        100.0 * e.getValue() / Math.max(1, total), e.getValue(), e.getKey())));
    }
}
