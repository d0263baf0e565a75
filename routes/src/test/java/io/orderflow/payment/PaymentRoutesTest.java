package io.orderflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.Model;
import org.apache.camel.spi.IdempotentRepository;
import java.sql.SQLTransientConnectionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.orderflow.contract.DltHeaders;
import io.orderflow.contract.EventType;
import io.orderflow.contract.Topic;
import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.event.InvalidEventException;
import io.orderflow.event.Payloads.PaymentFailed;
import io.orderflow.event.Payloads.OrderCreated;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.event.UnknownReferenceException;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.order.InMemoryOrderBook;
import io.orderflow.order.OrderStatus;
import io.orderflow.outbox.OutboxRecord;
import io.orderflow.reliability.DeadLetterRoute;
import io.orderflow.reliability.IgnoredReason;
import io.orderflow.reliability.InMemoryTransactions;
import io.orderflow.reliability.RecordingBatchTransactions;
import io.orderflow.reliability.RecordingOutbox;
import io.orderflow.reliability.ReliabilityMetrics;
import io.orderflow.reliability.RetrySettings;
import io.orderflow.reliability.PipelineServices;
import io.orderflow.reliability.StageErrorHandling;
import io.orderflow.reliability.StageSettings;

/**
 * The payment stage's routes without a broker or database: the consumer is fed through {@code direct:}, Kafka
 * outbox and repositories are in memory. Shows the reliability kit's behaviour on one stage.
 */
class PaymentRoutesTest extends CamelTestSupport {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    /** Not the default, so the consumer's URI shows the stage's setting was used. */
    private static final int BATCH_WAIT_MS = 7;
    private final EventCodec codec = new EventCodec(CLOCK);
    private final List<PaymentResult> ledger = new ArrayList<>();
    private final InMemoryOrderBook orders = new InMemoryOrderBook();
    private final AtomicInteger ledgerFailuresLeft = new AtomicInteger();
    private final List<IgnoredReason> ignored = new ArrayList<>();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final RecordingBatchTransactions batches = new RecordingBatchTransactions();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private RuntimeException ledgerFailure = new IllegalStateException("database briefly unavailable");
    private long nextOffset;
    private String kafkaUri;

    @Override
    public void configureTest(TestExecutionConfiguration config) {
        config.withUseAdviceWith(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setAllowUseOriginalMessage(true);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        Map<String, IdempotentRepository> repositories = new HashMap<>();
        PipelineServices services = new PipelineServices(codec, ReliabilityMetrics.NONE,
                (consumer, input, reason) -> ignored.add(reason),
                consumer -> repositories.computeIfAbsent(consumer, c -> transactions.repository()),
                Map.of(PaymentRoutes.STAGE, new StageSettings(1, BATCH_WAIT_MS, new RetrySettings(3, 1, 2.0, 5))), batches,
                transactions, "test");
        PaymentLedger failingFirst = new PaymentLedger() {
            @Override
            public Optional<PaymentResult> recordFirst(PaymentResult payment) {
                if (ledgerFailuresLeft.getAndDecrement() > 0) {
                    throw ledgerFailure;
                }
                Optional<PaymentResult> earlier = forOrder(payment.orderId());
                if (earlier.isEmpty()) {
                    ledger.add(payment);
                }
                return earlier;
            }

            @Override
            public Optional<PaymentResult> forOrder(String orderId) {
                return ledger.stream().filter(payment -> payment.orderId().equals(orderId)).findFirst();
            }
        };
        PaymentHandler payment = new PaymentHandler(new PaymentService(new BigDecimal("100.00")), orders, failingFirst,
                new EventPublisher(outbox, codec), codec);
        return new RoutesBuilder[] {new StageErrorHandling(services, List.of(PaymentRoutes.STAGE)),
                new DeadLetterRoute(outbox, CLOCK), new PaymentRoutes(services, payment)};
    }

    @BeforeEach
    void feedFromDirect() throws Exception {
        kafkaUri = context.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinition(PaymentRoutes.kafkaRouteId(PaymentRoutes.STAGE)).getInput().getEndpointUri();
        AdviceWith.adviceWith(context, PaymentRoutes.kafkaRouteId(PaymentRoutes.STAGE), route -> route.replaceFromWith("direct:order-events"));
        context.start();
    }

    @Test
    void theStagesConsumerGathersABatchForItsConfiguredWait() {
        assertThat(kafkaUri).contains("pollTimeoutMs=" + BATCH_WAIT_MS + "&batchingIntervalMs=" + BATCH_WAIT_MS);
    }

    @Test
    void chargesAnOrderAndPublishesPaymentProcessed() throws Exception {
        EventEnvelope order = orderCreated("o-1", "25.00");
        consume(codec.encode(order).getBytes(StandardCharsets.UTF_8), "o-1");

        EventEnvelope sent = outbox.events("payment-events", codec).get(0);
        assertThat(sent.type()).isEqualTo(EventType.PaymentProcessed);
        assertThat(sent.eventId()).isEqualTo(order.derivedEventId(EventType.PaymentProcessed));
        assertThat(sent.correlationId()).isEqualTo(order.correlationId());
        assertThat(ledger).singleElement().satisfies(p -> assertThat(p.approved()).isTrue());
    }

    @Test
    void aRedeliveredEventIsIgnoredNotChargedTwice() throws Exception {
        byte[] record = codec.encode(orderCreated("o-2", "10.00")).getBytes(StandardCharsets.UTF_8);
        consume(record, "o-2");
        consume(record, "o-2");

        assertThat(ledger).hasSize(1);
        assertThat(ignored).containsExactly(IgnoredReason.DUPLICATE);
        assertThat(outbox.to("payment-events")).hasSize(1);
    }

    @Test
    void transientFailuresAreRetriedAsOneTransaction() throws Exception {
        ledgerFailuresLeft.set(2);
        consume(codec.encode(orderCreated("o-3", "10.00")).getBytes(StandardCharsets.UTF_8), "o-3");

        assertThat(transactions.rollbacks()).isEqualTo(2);
        assertThat(ledger).hasSize(1);
        assertThat(outbox.to("order-events.DLT")).isEmpty();
    }

    @Test
    void aDatabaseThatIsAwayIsNeitherRetriedNorDeadLettered() {
        ledgerFailure = new IllegalStateException("could not get a connection",
                new SQLTransientConnectionException("Connection is not available, request timed out"));
        ledgerFailuresLeft.set(Integer.MAX_VALUE);

        Exchange result = consume(codec.encode(orderCreated("o-7", "10.00")).getBytes(StandardCharsets.UTF_8), "o-7");

        assertThat(result.getException()).as("left for the batch to roll back and read again")
                .hasRootCauseInstanceOf(SQLTransientConnectionException.class);
        assertThat(transactions.rollbacks()).as("no retry").isEqualTo(1);
        assertThat(outbox.to("order-events.DLT")).isEmpty();
        assertThat(batches.log()).containsExactly("begin 1", "rollback 1");
    }

    @Test
    void exhaustedRetriesDeadLetterTheOriginalBytes() throws Exception {
        ledgerFailuresLeft.set(Integer.MAX_VALUE);
        byte[] record = codec.encode(orderCreated("o-4", "10.00")).getBytes(StandardCharsets.UTF_8);
        consume(record, "o-4");

        OutboxRecord dead = outbox.to("order-events.DLT").get(0);
        assertThat(dead.value()).isEqualTo(record);
        assertThat(DltHeaders.readInt32(header(dead, DltHeaders.ATTEMPTS))).isEqualTo(4);
        assertThat(dead.headerText(DltHeaders.EXCEPTION_FQCN)).isEqualTo(IllegalStateException.class.getName());
        assertThat(ledger).isEmpty();
    }

    @Test
    void unparseableRecordsGoStraightToTheDeadLetterTopic() throws Exception {
        byte[] poison = {(byte) 0xff, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'};
        consume(poison, "k-5");

        OutboxRecord dead = outbox.to("order-events.DLT").get(0);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(RecordingOutbox.text(dead.key())).isEqualTo("k-5");
        assertThat(dead.partition()).isEqualTo(2);
        assertThat(dead.headerText("traceparent")).as("the original headers travel along").isEqualTo("t-1");
        assertThat(DltHeaders.readInt32(header(dead, DltHeaders.ATTEMPTS))).isEqualTo(1);
        assertThat(dead.headerText(DltHeaders.EXCEPTION_FQCN)).isEqualTo(InvalidEventException.class.getName());
        assertThat(dead.headerText(DltHeaders.ORIGINAL_CONSUMER_GROUP)).isEqualTo("orderflow-payment");
        assertThat(transactions.rollbacks()).isZero();
    }

    @Test
    void declinesAnOrderOverTheLimit() throws Exception {
        consume(codec.encode(orderCreated("o-6", "100.01")).getBytes(StandardCharsets.UTF_8), "o-6");

        EventEnvelope sent = outbox.events("payment-events", codec).get(0);
        assertThat(sent.type()).isEqualTo(EventType.PaymentFailed);
        assertThat(sent.payload(PaymentFailed.class).reason()).contains("exceeds the limit");
    }

    private static byte[] header(OutboxRecord record, String name) {
        return record.headers().stream().filter(h -> h.key().equals(name)).findFirst().orElseThrow().value();
    }

    private Exchange consume(byte[] record, String key) {
        return template.send("direct:order-events", exchange -> {
            exchange.getMessage().setBody(record);
            exchange.getMessage().setHeader(KafkaConstants.TOPIC, Topic.ORDER.topicName());
            exchange.getMessage().setHeader(KafkaConstants.PARTITION, 2);
            exchange.getMessage().setHeader(KafkaConstants.OFFSET, nextOffset++);
            exchange.getMessage().setHeader(KafkaConstants.TIMESTAMP, CLOCK.millis());
            exchange.getMessage().setHeader(KafkaConstants.KEY, key.getBytes(StandardCharsets.UTF_8));
            exchange.getMessage().setHeader("traceparent", "t-1".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void anOrderThisDatabaseDoesNotHoldIsDeadLetteredAtOnceAndNotCharged() throws Exception {
        byte[] record = codec.encode(orderCreated("o-8", "10.00")).getBytes(StandardCharsets.UTF_8);
        orders.orders.remove("o-8");
        consume(record, "o-8");

        OutboxRecord dead = outbox.to("order-events.DLT").get(0);
        assertThat(dead.headerText(DltHeaders.EXCEPTION_FQCN)).isEqualTo(UnknownReferenceException.class.getName());
        assertThat(dead.headerText(DltHeaders.EXCEPTION_MESSAGE)).isEqualTo("order o-8 does not exist");
        assertThat(DltHeaders.readInt32(header(dead, DltHeaders.ATTEMPTS))).as("no retries").isEqualTo(1);
        assertThat(ledger).isEmpty();
    }

    @Test
    void anOrderIsChargedItsOwnTotalOnlyOnce() throws Exception {
        EventEnvelope created = orderCreated("o-9", "10.00");
        orders.put("o-9", OrderStatus.CREATED, new BigDecimal("12.00"));
        consume(codec.encode(created).getBytes(StandardCharsets.UTF_8), "o-9");
        orders.put("o-9", OrderStatus.CREATED, new BigDecimal("10.00"));
        consume(codec.encode(created).getBytes(StandardCharsets.UTF_8), "o-9");
        consume(codec.encode(orderCreated("o-9", "10.00")).getBytes(StandardCharsets.UTF_8), "o-9");

        assertThat(outbox.to("order-events.DLT")).extracting(dead -> dead.headerText(DltHeaders.EXCEPTION_MESSAGE))
                .containsExactly("order o-9 totals 12.00, not 10.00",
                        "order o-9 was already charged by payment " + ledger.get(0).paymentId());
        assertThat(ledger).hasSize(1);
    }

    private EventEnvelope orderCreated(String orderId, String total) {
        orders.put(orderId, OrderStatus.CREATED, new BigDecimal(total));
        return codec.newEvent(EventType.OrderCreated, orderId, "corr-" + orderId, new OrderCreated(orderId, "c",
                List.of(new OrderLine("p", 1, new BigDecimal(total))), new BigDecimal(total)));
    }
}
