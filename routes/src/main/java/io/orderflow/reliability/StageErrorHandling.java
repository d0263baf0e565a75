package io.orderflow.reliability;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.orderflow.event.NonRetryableException;

/**
 * The error handling of each stage's event route, as one route configuration per stage ({@link #id(String)}), built
 * from that stage's {@link RetrySettings}: bounded redelivery with exponential backoff, then the record as it was
 * read goes to {@link DeadLetterRoute}. Non-retryable failures skip the retries. A database that cannot be reached is
 * not the record's fault ({@link Unavailable}): no retry, no dead letter, the failure stays on the exchange so the
 * batch is rolled back and read again later.
 */
public final class StageErrorHandling extends RouteConfigurationBuilder {

    /** Exchange property: how often the record was redelivered, for the dead letter's attempts header. */
    public static final String REDELIVERIES = "orderflow.redeliveries";

    private static final Logger LOG = LoggerFactory.getLogger(StageErrorHandling.class);

    private final PipelineServices context;
    private final List<String> stages;

    public StageErrorHandling(PipelineServices context, List<String> stages) {
        this.context = context;
        this.stages = List.copyOf(stages);
    }

    /** The id a stage's event route names in {@code routeConfigurationId}. */
    public static String id(String stage) {
        return stage + "-errors";
    }

    @Override
    public void configuration() {
        if (!getContext().isAllowUseOriginalMessage()) {
            // off by default in Camel; without it useOriginalMessage() silently sends the decoded body to the DLT
            throw new IllegalStateException("stage routes need the CamelContext option allowUseOriginalMessage=true"
                    + " (camel.main.allow-use-original-message)");
        }
        stages.forEach(this::configureStage);
    }

    private void configureStage(String stage) {
        RetrySettings retry = context.settings(stage).retry();
        RouteConfigurationDefinition configuration = routeConfiguration(id(stage))
                .errorHandler(deadLetterChannel(DeadLetterRoute.ENDPOINT)
                        // a failed dead-letter write must fail the exchange, so the record is polled again, not skipped
                        .deadLetterHandleNewException(false)
                        .useOriginalMessage()
                        .maximumRedeliveries(retry.maxRedeliveries())
                        .redeliveryDelay(retry.initialDelayMs())
                        .useExponentialBackOff()
                        .backOffMultiplier(retry.multiplier())
                        .maximumRedeliveryDelay(retry.maxDelayMs())
                        .retryAttemptedLogLevel(LoggingLevel.WARN)
                        .logStackTrace(false)
                        .onRedelivery(exchange -> countRedelivery(stage, exchange)));
        configuration.onException(NonRetryableException.class)
                .onWhen(exchange -> !OptimisticPass.isOn(exchange))
                .maximumRedeliveries(0);
        // an onException with an output of its own takes the failure instead of the dead-letter channel, and
        // handled(false) leaves it on the exchange: a database that is away rolls the batch back to be read again,
        // and any failure in an optimistic pass rolls it back to be run record by record
        configuration.onException(Exception.class)
                .onWhen(exchange -> OptimisticPass.isOn(exchange) || Unavailable.isCause(exchange.getException()))
                .handled(false)
                .maximumRedeliveries(0)
                // Camel's own line is an ERROR with the message history, for a failure that is not final either way
                .logExhausted(false)
                .process(StageErrorHandling::logUnavailable);
    }

    private static void logUnavailable(Exchange exchange) {
        if (!OptimisticPass.isOn(exchange)) {
            LOG.warn("database unavailable: {}", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                    .getMessage());
        }
    }

    private void countRedelivery(String stage, Exchange exchange) {
        exchange.setProperty(REDELIVERIES, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class));
        context.metrics().retried(stage, exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class));
    }
}
