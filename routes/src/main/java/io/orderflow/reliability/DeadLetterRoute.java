package io.orderflow.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaHeaderFilterStrategy;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.orderflow.contract.DltHeaders;
import io.orderflow.contract.Topic;
import io.orderflow.outbox.Outbox;
import io.orderflow.outbox.OutboxRecord;

/**
 * Writes a failed record to {@code <topic>.DLT}: its original bytes, key and headers, on the same partition number,
 * with headers saying where it came from and why it failed. Every stage's dead-letter channel ends here.
 * <p>
 * The dead letter goes through the {@link Outbox}, in the poll batch's database transaction: it commits together
 * with the batch's effects and idempotency keys, or not at all. So a batch that is rolled back and read again
 * dead-letters its record once, not twice, and a broker that is down delays the dead letter instead of wedging the
 * stage.
 */
public final class DeadLetterRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:dead-letter";
    public static final String ROUTE_ID = "dead-letter";
    /** Name under which faults can be injected into the dead-letter write itself. */
    public static final String FAULT_STAGE = "dead-letter";
    /**
     * Upper bound of what a dead letter adds to its record (failure headers), so a DLT sized at its source topic's
     * limit plus this takes every record its source took. The two capped texts below take at most 60 KiB in UTF-8.
     */
    public static final int MAX_ADDED_BYTES = 128 * 1024;
    private static final int MAX_STACKTRACE_CHARS = 16 * 1024;
    private static final int MAX_MESSAGE_CHARS = 4 * 1024;

    private final Outbox outbox;
    private final Clock clock;
    // camel-kafka's own rule for which message headers are Kafka record headers (it drops Camel's and kafka.*)
    private final KafkaHeaderFilterStrategy headerFilter = new KafkaHeaderFilterStrategy();

    public DeadLetterRoute(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from(ENDPOINT)
                .routeId(ROUTE_ID)
                .routeConfigurationId(FaultInjection.id(FAULT_STAGE))
                // failures must reach the stage's channel (deadLetterHandleNewException=false), not be handled here
                .errorHandler(noErrorHandler())
                .process(exchange -> outbox.add(deadLetter(exchange)))
                .log("dead-lettered a ${header." + KafkaConstants.TOPIC + "} record (route "
                        + "${exchangeProperty.CamelFailureRouteId}): ${exchangeProperty.CamelExceptionCaught.message}");
    }

    private OutboxRecord deadLetter(Exchange exchange) {
        Message message = exchange.getMessage();
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String topic = message.getHeader(KafkaConstants.TOPIC, String.class);
        int partition = message.getHeader(KafkaConstants.PARTITION, Integer.class);
        Integer redeliveries = exchange.getProperty(StageErrorHandling.REDELIVERIES, Integer.class);

        List<Header> headers = originalHeaders(exchange);
        add(headers, DltHeaders.ORIGINAL_TOPIC, DltHeaders.utf8(topic));
        add(headers, DltHeaders.ORIGINAL_PARTITION, DltHeaders.int32(partition));
        add(headers, DltHeaders.ORIGINAL_OFFSET, DltHeaders.int64(message.getHeader(KafkaConstants.OFFSET, Long.class)));
        add(headers, DltHeaders.ORIGINAL_TIMESTAMP,
                DltHeaders.int64(message.getHeader(KafkaConstants.TIMESTAMP, Long.class)));
        add(headers, DltHeaders.ORIGINAL_CONSUMER_GROUP,
                DltHeaders.utf8(exchange.getProperty(StageRouteBuilder.CONSUMER_GROUP, String.class)));
        add(headers, DltHeaders.EXCEPTION_FQCN, DltHeaders.utf8(failure.getClass().getName()));
        add(headers, DltHeaders.EXCEPTION_CAUSE_FQCN, DltHeaders.utf8(rootCause(failure).getClass().getName()));
        add(headers, DltHeaders.EXCEPTION_MESSAGE, DltHeaders.utf8(capped(String.valueOf(failure.getMessage()), MAX_MESSAGE_CHARS)));
        add(headers, DltHeaders.EXCEPTION_STACKTRACE, DltHeaders.utf8(stackTrace(failure)));
        add(headers, DltHeaders.ATTEMPTS, DltHeaders.int32(1 + (redeliveries == null ? 0 : redeliveries)));
        add(headers, DltHeaders.ROUTE_ID, DltHeaders.utf8(exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class)));
        add(headers, DltHeaders.FAILED_AT, DltHeaders.int64(clock.millis()));
        return new OutboxRecord(topic + Topic.DLT_SUFFIX, partition, key(message), message.getBody(byte[].class),
                headers);
    }

    private List<Header> originalHeaders(Exchange exchange) {
        List<Header> headers = new ArrayList<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes && !headerFilter.applyFilterToCamelHeaders(name, value, exchange)) {
                headers.add(new RecordHeader(name, bytes));
            }
        });
        return headers;
    }

    private static void add(List<Header> headers, String name, byte[] value) {
        headers.removeIf(header -> header.key().equals(name)); // a replayed record carries the previous failure's
        headers.add(new RecordHeader(name, value));
    }

    private static byte[] key(Message message) {
        Object key = message.getHeader(KafkaConstants.KEY);
        if (key == null || key instanceof byte[]) {
            return (byte[]) key;
        }
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return capped(out.toString(), MAX_STACKTRACE_CHARS);
    }

    private static String capped(String text, int maxChars) {
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }
}
