package io.orderflow.app.wiring;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.orderflow.app.InstanceId;
import io.orderflow.app.OrderflowProperties;
import io.orderflow.delivery.DeliveryLog;
import io.orderflow.delivery.DeliveryRoutes;
import io.orderflow.delivery.DeliveryHandler;
import io.orderflow.dispatch.DispatchPlanner;
import io.orderflow.dispatch.DispatchRoutes;
import io.orderflow.dispatch.DispatchHandler;
import io.orderflow.dispatch.ShipmentRegistry;
import io.orderflow.event.EventCodec;
import io.orderflow.kafka.EventPublisher;
import io.orderflow.order.CheckedOutCarts;
import io.orderflow.order.CheckoutOrders;
import io.orderflow.order.OrderBook;
import io.orderflow.order.OrderCreation;
import io.orderflow.outbox.Outbox;
import io.orderflow.payment.PaymentLedger;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.payment.PaymentService;
import io.orderflow.payment.PaymentHandler;
import io.orderflow.pipeline.Stage;
import io.orderflow.reliability.BatchTransactions;
import io.orderflow.reliability.DeadLetterRoute;
import io.orderflow.reliability.IgnoredEventLog;
import io.orderflow.reliability.ReliabilityMetrics;
import io.orderflow.reliability.PipelineServices;
import io.orderflow.reliability.StageErrorHandling;
import io.orderflow.reliability.StageSettings;
import io.orderflow.tracking.OrderRoutes;
import io.orderflow.tracking.OrderStatusHandler;

/**
 * Wires the Spring-free stage routes of the {@code routes} module to this application's database, transactions,
 * metrics and configuration.
 */
@Configuration(proxyBeanMethods = false)
public class PipelineWiring {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(Clock clock) {
        return new EventCodec(clock);
    }

    @Bean
    EventPublisher eventPublisher(Outbox outbox, EventCodec codec) {
        return new EventPublisher(outbox, codec);
    }

    @Bean
    BatchTransactions batchTransactions(PlatformTransactionManager transactionManager) {
        return new SpringBatchTransactions(transactionManager);
    }

    @Bean
    PipelineServices pipelineServices(EventCodec codec, ReliabilityMetrics metrics,
                                      IgnoredEventLog ignoredEvents, DataSource dataSource,
                                      PlatformTransactionManager transactionManager, OrderflowProperties properties,
                                      BatchTransactions batches, InstanceId instance) {
        // the repository joins the stage's transaction, so "seen" and the stage's effect commit together
        TransactionTemplate joinStageTransaction = new TransactionTemplate(transactionManager);
        Map<String, StageSettings> settings = new HashMap<>();
        properties.stages().forEach((stage, config) -> settings.put(stage, config.toSettings(stage)));
        // a savepoint inside the poll batch's transaction: a failed attempt undoes only its own record
        TransactionTemplate nested = new TransactionTemplate(transactionManager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return new PipelineServices(codec, metrics, ignoredEvents,
                consumer -> new SeenEventIds(dataSource, joinStageTransaction, consumer), settings, batches,
                new TransactionPolicy(nested), instance.name());
    }

    /** Each stage's retries and dead-letter channel, named by the stage's event route. */
    @Bean
    StageErrorHandling stageErrorHandling(PipelineServices context) {
        return new StageErrorHandling(context, Stage.ids());
    }

    @Bean
    DeadLetterRoute deadLetterRoute(Outbox outbox, Clock clock) {
        return new DeadLetterRoute(outbox, clock);
    }

    @Bean
    OrderCreation orderCreation(OrderBook orders, EventPublisher publisher, EventCodec codec) {
        return new OrderCreation(orders, publisher, codec);
    }

    @Bean
    OrderRoutes orderRoutes(PipelineServices context, OrderCreation creation, OrderBook orders, CheckedOutCarts carts,
                            PaymentLedger payments, ShipmentRegistry shipments, DeliveryLog deliveries) {
        return new OrderRoutes(context, new CheckoutOrders(carts, orders, creation),
                new OrderStatusHandler(orders, payments, shipments, deliveries));
    }

    @Bean
    PaymentRoutes paymentRoutes(PipelineServices context, OrderBook orders, PaymentLedger ledger,
                                EventPublisher publisher, EventCodec codec, OrderflowProperties properties) {
        PaymentService payments = new PaymentService(properties.payment().limit());
        return new PaymentRoutes(context, new PaymentHandler(payments, orders, ledger, publisher, codec));
    }

    @Bean
    DispatchRoutes dispatchRoutes(PipelineServices context, ShipmentRegistry shipments, PaymentLedger payments,
                                  EventPublisher publisher, EventCodec codec, OrderflowProperties properties,
                                  Clock clock) {
        DispatchPlanner planner = new DispatchPlanner(properties.dispatch().carriers(), clock);
        return new DispatchRoutes(context, new DispatchHandler(planner, shipments, payments, publisher, codec));
    }

    @Bean
    DeliveryRoutes deliveryRoutes(PipelineServices context, DeliveryLog deliveries, ShipmentRegistry shipments,
                                  EventPublisher publisher, EventCodec codec, Clock clock) {
        return new DeliveryRoutes(context, new DeliveryHandler(deliveries, shipments, publisher, codec, clock));
    }
}
