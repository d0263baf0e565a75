package io.orderflow.reliability;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.RouteDefinition;

import io.orderflow.contract.ConsumerGroup;
import io.orderflow.contract.EventHeaders;
import io.orderflow.contract.EventType;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.InvalidEventException;
import io.orderflow.event.NonRetryableException;
import io.orderflow.kafka.KafkaUris;

/**
 * Base of every consuming stage. A stage is three kinds of route:
 * <ol>
 * <li>the Kafka consumer route {@code <stage>-kafka}, camel-kafka's batching consumer, which runs the records of each
 * batch in one database transaction and commits their offsets after it ({@link TransactionalBatch});</li>
 * <li>the event route {@code <stage>}, which decodes the raw record, picks the event types the stage handles and owns
 * the retries and the dead-letter channel, and</li>
 * <li>effect routes, each run in a nested transaction behind an idempotent consumer keyed by eventId, so the
 * stage's effect happens once per event however often the record arrives.</li>
 * </ol>
 * Failures of an effect roll its nested transaction back and are retried by the event route's dead-letter channel
 * as one unit; non-retryable failures and exhausted retries go to {@code <topic>.DLT}. A database that cannot be
 * reached is not the record's fault ({@link Unavailable}): no retry, no dead letter, the batch is read again later.
 */
public abstract class StageRouteBuilder extends RouteBuilder {

    public static final String CONSUMER_GROUP = "orderflow.consumerGroup";
    public static final String REDELIVERIES = "orderflow.redeliveries";

    protected final StageContext context;
    private final String stage;
    private final StageSettings settings;

    protected StageRouteBuilder(StageContext context, String stage) {
        this.context = context;
        this.stage = stage;
        this.settings = context.settings(stage);
    }

    public static String kafkaRouteId(String stage) {
        return stage + "-kafka";
    }

    @Override
    public final void configure() {
        if (!getContext().isAllowUseOriginalMessage()) {
            // off by default in Camel; without it useOriginalMessage() silently sends the decoded body to the DLT
            throw new IllegalStateException("stage routes need the CamelContext option allowUseOriginalMessage=true"
                    + " (camel.main.allow-use-original-message)");
        }
        RetrySettings retry = settings.retry();
        errorHandler(deadLetterChannel(DeadLetterRoute.ENDPOINT)
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
                .onRedelivery(this::countRedelivery));
        onException(NonRetryableException.class).maximumRedeliveries(0);
        // an onException with an output of its own takes the failure instead of the dead-letter channel, and
        // handled(false) leaves it on the exchange, so the batch is rolled back and read again
        onException(Exception.class)
                .onWhen(exchange -> Unavailable.isCause(exchange.getException()))
                .handled(false)
                .maximumRedeliveries(0)
                .log(LoggingLevel.WARN, "database unavailable: ${exception.message}");
        configureStage();
    }

    protected abstract void configureStage();

    /** The stage's Kafka consumer route and its event route, which decodes the record into an {@link EventEnvelope}. */
    protected RouteDefinition consume(ConsumerGroup group) {
        ProducerTemplate records = getContext().createProducerTemplate();
        String eventRoute = "direct:" + stage;
        from(KafkaUris.batchConsumer(group, context.clientId(group.groupId()), settings.consumers()))
                .routeId(kafkaRouteId(stage))
                // a failure here means a record could not even be dead-lettered: nothing is committed and the
                // consumer reads the batch again (breakOnFirstError), so retrying it here would only repeat that
                .errorHandler(noErrorHandler())
                .process(new TransactionalBatch(kafkaRouteId(stage), context.transactions(),
                        record -> records.send(eventRoute, record), context.backoff()));
        return from(eventRoute)
                .routeId(stage)
                .setProperty(CONSUMER_GROUP, constant(group.groupId()))
                .process(this::decode);
    }

    /**
     * The transactional effect route {@code direct:<routeId>}. It has no error handler of its own: an exception
     * rolls its transaction back and propagates to the event route, which redelivers the whole effect.
     */
    protected void effect(String routeId, Processor effect) {
        from("direct:" + routeId)
                .routeId(routeId)
                .errorHandler(noErrorHandler())
                // a plain Policy, not transacted(): Camel marks transacted exchanges rollback-only on failure,
                // which would bypass the event route's redelivery and dead-letter channel
                .policy(context.effectTransaction())
                .process(context.faults().at(stage))
                .idempotentConsumer(exchangeProperty(StageInput.EVENT).method("eventId"),
                        context.idempotentRepositories().apply(routeId))
                    // the key is added inside the transaction, so a failed attempt's key rolls back with it and
                    // the redelivery is not mistaken for a duplicate (removeOnFailure only runs at completion)
                    .eager(true)
                    .removeOnFailure(true)
                    .skipDuplicate(false)
                    .choice()
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .process(exchange -> ignored(routeId, StageInput.of(exchange), IgnoredReason.DUPLICATE))
                        .otherwise()
                            .process(effect)
                    .end()
                .end();
    }

    protected static String effectUri(String routeId) {
        return "direct:" + routeId;
    }

    protected static Predicate isType(EventType... types) {
        return exchange -> {
            EventType actual = exchange.getProperty(StageInput.EVENT, EventEnvelope.class).type();
            for (EventType type : types) {
                if (type == actual) {
                    return true;
                }
            }
            return false;
        };
    }

    protected void ignored(String routeId, StageInput input, IgnoredReason reason) {
        context.ignoredEvents().record(routeId, input, reason);
        context.metrics().ignored(routeId, input.topic(), reason);
        log.info("{}: ignored {} event {} {} for order {} (correlation {})", routeId, reason,
                input.event().type(), input.event().eventId(), input.event().orderId(),
                input.event().correlationId());
    }

    private void decode(Exchange exchange) {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        if (raw == null) {
            throw new InvalidEventException("record has no value");
        }
        EventEnvelope envelope = context.codec().decode(raw);
        checkTypeHeader(exchange.getMessage().getHeader(EventHeaders.EVENT_TYPE), envelope.type());
        // body and headers stay the raw record: Camel's "original message" is taken per route, and the effect
        // routes must dead-letter the record as it was read, not a decoded copy
        exchange.setProperty(StageInput.EVENT, envelope);
    }

    /**
     * Tools filter on the header and the stages act on the body, so a record whose two disagree would be seen as one
     * event and handled as another. Other producers may leave the header out: then the body alone decides.
     */
    private static void checkTypeHeader(Object header, EventType bodyType) {
        if (header == null) {
            return;
        }
        String headerType = header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : header.toString();
        if (!headerType.equals(bodyType.name())) {
            throw new InvalidEventException("header says " + headerType + ", body says " + bodyType);
        }
    }

    private void countRedelivery(Exchange exchange) {
        exchange.setProperty(REDELIVERIES, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class));
        context.metrics().retried(stage,
                exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class));
    }
}
