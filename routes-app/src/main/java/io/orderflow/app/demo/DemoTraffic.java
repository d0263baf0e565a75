package io.orderflow.app.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.orderflow.app.DaemonThreads;
import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.order.OrderPlacement;
import io.orderflow.app.outbox.LiveInstances;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.pipeline.Stage;
import io.orderflow.reliability.FaultInjector;
import io.orderflow.reliability.FaultSettings;

/**
 * Demo mode ({@code orderflow.demo.enabled=true}): a steady stream of orders through the same path as
 * {@code POST /api/orders}, with transient faults on every stage, some orders over the payment limit, and some
 * "poison" customers the payment stage rejects permanently, so the console has traffic, retries, declined
 * payments and dead letters to show. With several instances on one database each places its share of the rate
 * (one in as many as are alive), so the demo's rate is the shop's whatever the number of instances.
 */
@Component
@ConditionalOnProperty(name = "orderflow.demo.enabled", havingValue = "true")
public class DemoTraffic implements AutoCloseable {

    /** Customer ids starting with this are rejected by the payment stage while the demo runs. */
    public static final String POISON_CUSTOMER = "demo-poison-";

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    private static final List<String> PRODUCTS = List.of("book", "lamp", "kettle", "chair", "headphones");

    private final OrderPlacement placement;
    private final FaultInjector faults;
    private final OrderflowProperties.Demo demo;
    private final BigDecimal paymentLimit;
    private final LiveInstances liveInstances;
    private final ScheduledExecutorService scheduler = 
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("demo-traffic"));

    public DemoTraffic(OrderPlacement placement, FaultInjector faults, OrderflowProperties properties,
                       LiveInstances liveInstances) {
        this.placement = placement;
        this.liveInstances = liveInstances;
        this.faults = faults;
        this.demo = properties.demo();
        this.paymentLimit = properties.payment().limit();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        long periodMicros = (long) (1_000_000 / demo.ordersPerSecond());
        scheduler.scheduleAtFixedRate(this::placeOne, 0, periodMicros, TimeUnit.MICROSECONDS);
        if (!faults.enabled()) {
            // poison orders are poison through the payment stage's fault pattern, so they pass as well
            LOG.warn("Demo mode: {} orders/s, no faults and no poison (orderflow.faults.enabled=false)",
                    demo.ordersPerSecond());
            return;
        }
        for (Stage stage : Stage.values()) {
            faults.set(stage.id(), new FaultSettings(demo.transientFailureRate(),
                    stage == Stage.PAYMENT ? POISON_CUSTOMER : null, 0));
        }
        LOG.warn("Demo mode: {} orders/s, {}% transient faults per stage, {}% poison orders", demo.ordersPerSecond(),
                Math.round(demo.transientFailureRate() * 100), Math.round(demo.poisonRate() * 100));
    }

    private void placeOne() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // every instance with demo mode on takes its share, so the shop gets orders-per-second in all
        if (random.nextDouble() * liveInstances.count() >= 1) {
            return;
        }
        boolean poison = random.nextDouble() < demo.poisonRate();
        boolean overLimit = !poison && random.nextDouble() < 0.05;
        String customer = (poison ? POISON_CUSTOMER : "demo-customer-") + random.nextInt(1000);
        BigDecimal price = overLimit ? paymentLimit.add(BigDecimal.ONE)
                : BigDecimal.valueOf(random.nextInt(500, 20_000), 2);
        var line = new OrderLine(PRODUCTS.get(random.nextInt(PRODUCTS.size())), 1 + random.nextInt(3), price);
        try {
            placement.place(customer, List.of(line), "demo-" + UUID.randomUUID());
        } catch (RuntimeException e) {
            LOG.warn("demo order not placed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
