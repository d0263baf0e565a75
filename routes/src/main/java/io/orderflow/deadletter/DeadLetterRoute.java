package io.orderflow.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

import io.orderflow.kafka.KafkaUris;
import io.orderflow.kafka.Topic;
import io.orderflow.reliability.FaultInjector;
import io.orderflow.reliability.ReliabilityMetrics;
import io.orderflow.reliability.StageRouteBuilder;

/**
 * Writes a failed record to {@code <topic>.DLT}: its original bytes and key, on the same partition number, with
 * headers saying where it came from and why it failed. Every stage's dead-letter channel ends here.
 */
public final class DeadLetterRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:dead-letter";
    public static final String ROUTE_ID = "dead-letter";
    /** Name under which faults can be injected into the dead-letter write itself. */
    public static final String FAULT_STAGE = "dead-letter";
    private static final int MAX_STACKTRACE_CHARS = 16 * 1024;
    /** Exchange property set once the dead-letter record is acknowledged: the record is done with. */
    public static final String WRITTEN = "orderflow.deadLetterWritten";
    private static final String ORIGINAL_TOPIC = "orderflow.originalTopic";

    private final FaultInjector faults;
    private final ReliabilityMetrics metrics;
    private final Clock clock;

    public DeadLetterRoute(FaultInjector faults, ReliabilityMetrics metrics, Clock clock) {
        this.faults = faults;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from(ENDPOINT)
                .routeId(ROUTE_ID)
                // failures must reach the stage's channel (deadLetterHandleNewException=false), not be handled here
                .errorHandler(noErrorHandler())
                .process(faults.at(FAULT_STAGE))
                .process(this::describeFailure)
                .to(KafkaUris.deadLetterProducer())
                .setProperty(WRITTEN, constant(true))
                .process(exchange -> metrics.deadLettered(
                        exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class),
                        exchange.getProperty(ORIGINAL_TOPIC, String.class)))
                .log("dead-lettered a ${exchangeProperty." + ORIGINAL_TOPIC + "} record (route "
                        + "${exchangeProperty.CamelFailureRouteId}): ${exchangeProperty.CamelExceptionCaught.message}");
    }

    private void describeFailure(Exchange exchange) {
        Message message = exchange.getMessage();
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String topic = message.getHeader(KafkaConstants.TOPIC, String.class);
        int partition = message.getHeader(KafkaConstants.PARTITION, Integer.class);
        Integer redeliveries = exchange.getProperty(StageRouteBuilder.REDELIVERIES, Integer.class);
        exchange.setProperty(ORIGINAL_TOPIC, topic);

        message.setHeader(DltHeaders.ORIGINAL_TOPIC, DltHeaders.utf8(topic));
        message.setHeader(DltHeaders.ORIGINAL_PARTITION, DltHeaders.int32(partition));
        message.setHeader(DltHeaders.ORIGINAL_OFFSET,
                DltHeaders.int64(message.getHeader(KafkaConstants.OFFSET, Long.class)));
        message.setHeader(DltHeaders.ORIGINAL_TIMESTAMP,
                DltHeaders.int64(message.getHeader(KafkaConstants.TIMESTAMP, Long.class)));
        message.setHeader(DltHeaders.ORIGINAL_CONSUMER_GROUP,
                DltHeaders.utf8(exchange.getProperty(StageRouteBuilder.CONSUMER_GROUP, String.class)));
        message.setHeader(DltHeaders.EXCEPTION_FQCN, DltHeaders.utf8(failure.getClass().getName()));
        Throwable cause = rootCause(failure);
        message.setHeader(DltHeaders.EXCEPTION_CAUSE_FQCN, DltHeaders.utf8(cause.getClass().getName()));
        message.setHeader(DltHeaders.EXCEPTION_MESSAGE, DltHeaders.utf8(String.valueOf(failure.getMessage())));
        message.setHeader(DltHeaders.EXCEPTION_STACKTRACE, DltHeaders.utf8(stackTrace(failure)));
        message.setHeader(DltHeaders.ATTEMPTS, DltHeaders.int32(1 + (redeliveries == null ? 0 : redeliveries)));
        message.setHeader(DltHeaders.ROUTE_ID,
                DltHeaders.utf8(exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class)));
        message.setHeader(DltHeaders.FAILED_AT, DltHeaders.int64(clock.millis()));

        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, topic + Topic.DLT_SUFFIX);
        message.setHeader(KafkaConstants.PARTITION_KEY, partition);
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
        String trace = out.toString();
        return trace.length() > MAX_STACKTRACE_CHARS ? trace.substring(0, MAX_STACKTRACE_CHARS) : trace;
    }
}
