package io.orderflow.reliability;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.ExpressionAdapter;
import org.slf4j.event.Level;

import io.orderflow.contract.ConsumerGroup;
import io.orderflow.contract.EventHeaders;
import io.orderflow.contract.EventType;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.InvalidEventException;
import io.orderflow.kafka.KafkaUris;

/**
 * Building blocks of every consuming stage; a stage's {@code configure()} puts them together. A stage is three kinds
 * of route:
 * <ol>
 * <li>the Kafka consumer route {@code <stage>-kafka}, camel-kafka's batching consumer, which runs the records of each
 * batch in one database transaction and commits their offsets after it ({@link TransactionalBatch});</li>
 * <li>the event route {@code <stage>}, which decodes the raw record and picks the event types the stage handles; it
 * names the stage's route configuration ({@link StageErrorHandling}), which owns the retries and the dead-letter
 * channel, and</li>
 * <li>effect routes, each run in a nested transaction behind an idempotent consumer keyed by eventId, so the
 * stage's effect happens once per event however often the record arrives.</li>
 * </ol>
 * Failures of an effect roll its nested transaction back and are retried by the event route's dead-letter channel
 * as one unit; non-retryable failures and exhausted retries go to {@code <topic>.DLT}.
 */
public abstract class StageRouteBuilder extends RouteBuilder {

    public static final String CONSUMER_GROUP = "orderflow.consumerGroup";

    private static final Expression EVENT_ID = new ExpressionAdapter() {
        @Override
        public Object evaluate(Exchange exchange) {
            return exchange.getProperty(ConsumedEvent.EVENT, EventEnvelope.class).eventId().toString();
        }
    };

    protected final PipelineServices context;
    private final String stage;

    protected StageRouteBuilder(PipelineServices context, String stage) {
        this.context = context;
        this.stage = stage;
    }

    public static String kafkaRouteId(String stage) {
        return stage + "-kafka";
    }

    /** The stage's Kafka consumer route and its event route, which decodes the record into an {@link EventEnvelope}. */
    protected RouteDefinition consume(ConsumerGroup group) {
        ProducerTemplate records = getContext().createProducerTemplate();
        String eventRoute = "direct:" + stage;
        // resolved once: sent to by its URI, every record paid for the URI's normalisation and the endpoint lookup
        Endpoint eventEndpoint = endpoint(eventRoute);
        StageSettings settings = context.settings(stage);
        from(KafkaUris.batchConsumer(group, context.clientId(group.groupId()), settings.consumers(),
                        settings.batchWaitMs()))
                .routeId(kafkaRouteId(stage))
                // a failure here means a record could not even be dead-lettered: nothing is committed and the
                // consumer reads the batch again (breakOnFirstError), so retrying it here would only repeat that
                .errorHandler(noErrorHandler())
                .process(new TransactionalBatch(kafkaRouteId(stage), context.transactions(),
                        record -> records.send(eventEndpoint, record), context.backoff()));
        return from(eventRoute)
                .routeId(stage)
                .setProperty(CONSUMER_GROUP, constant(group.groupId()))
                .process(this::decode);
    }

    /**
     * The transactional effect route {@code direct:<routeId>}, with the stage's fault step when fault injection is on
     * ({@link FaultInjection}). It has no error handler of its own: an exception rolls its transaction back and
     * propagates to the event route, which redelivers the whole effect.
     */
    protected void effect(String routeId, Processor effect) {
        from("direct:" + routeId)
                .routeId(routeId)
                .routeConfigurationId(FaultInjection.id(stage))
                .errorHandler(noErrorHandler())
                // a plain Policy, not transacted(): Camel marks transacted exchanges rollback-only on failure,
                // which would bypass the event route's redelivery and dead-letter channel
                .policy(context.effectTransaction())
                // a plain expression, not exchangeProperty(...).method("eventId"): Camel's bean language built a bean
                // expression per record and hashed the whole event, payload included, to look up its method cache
                // (5 % of the stage threads' CPU at saturation, JFR)
                .idempotentConsumer(EVENT_ID,
                        context.idempotentRepositories().apply(routeId))
                    // the key is added inside the transaction, so a failed attempt's key rolls back with it and
                    // the redelivery is not mistaken for a duplicate (removeOnFailure only runs at completion)
                    .eager(true)
                    .removeOnFailure(true)
                    .skipDuplicate(false)
                    .choice()
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .process(exchange -> ignored(exchange, routeId, ConsumedEvent.of(exchange),
                                    IgnoredReason.DUPLICATE))
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
            EventType actual = exchange.getProperty(ConsumedEvent.EVENT, EventEnvelope.class).type();
            for (EventType type : types) {
                if (type == actual) {
                    return true;
                }
            }
            return false;
        };
    }

    protected void ignored(Exchange exchange, String routeId, ConsumedEvent input, IgnoredReason reason) {
        context.ignoredEvents().record(routeId, input, reason);
        OptimisticPass.afterCommit(exchange, () -> {
            context.metrics().ignored(routeId, input.topic(), reason);
            // an early event is routine under load (a stage reads several topics and Kafka orders none across them),
            // so only a duplicate is worth a line at INFO; both are in ignored_events and the metric either way
            log.atLevel(reason == IgnoredReason.EARLY ? Level.DEBUG : Level.INFO).log(
                    "{}: ignored {} event {} {} for order {} (correlation {})", routeId, reason,
                    input.event().type(), input.event().eventId(), input.event().orderId(),
                    input.event().correlationId());
        });
    }

    private void decode(Exchange exchange) {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        if (raw == null) {
            throw new InvalidEventException("record has no value");
        }
        EventEnvelope event = context.codec().decode(raw);
        checkTypeHeader(exchange.getMessage().getHeader(EventHeaders.EVENT_TYPE), event.type());
        // body and headers stay the raw record: Camel's "original message" is taken per route, and the effect
        // routes must dead-letter the record as it was read, not a decoded copy
        exchange.setProperty(ConsumedEvent.EVENT, event);
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
}
