package io.orderflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.orderflow.contract.EventType;
import io.orderflow.delivery.Delivery;
import io.orderflow.delivery.DeliveryLog;
import io.orderflow.dispatch.Shipment;
import io.orderflow.dispatch.ShipmentRegistry;
import io.orderflow.event.ContradictionException;
import io.orderflow.event.EventCodec;
import io.orderflow.event.Payloads.OrderDelivered;
import io.orderflow.event.Payloads.OrderDispatched;
import io.orderflow.event.Payloads.PaymentFailed;
import io.orderflow.event.Payloads.PaymentProcessed;
import io.orderflow.event.UnknownReferenceException;
import io.orderflow.order.InMemoryOrderBook;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.TimelineEntry;
import io.orderflow.payment.PaymentLedger;
import io.orderflow.payment.PaymentResult;
import io.orderflow.reliability.ConsumedEvent;

class OrderStatusHandlerTest {

    private static final BigDecimal TOTAL = new BigDecimal("10.00");

    private final EventCodec codec = new EventCodec();
    private final InMemoryOrderBook orders = new InMemoryOrderBook();
    private final Map<String, PaymentResult> payments = new HashMap<>();
    private final Map<String, Shipment> shipments = new HashMap<>();
    private final Map<String, Delivery> deliveries = new HashMap<>();
    private final OrderStatusHandler handler = new OrderStatusHandler(orders,
            new PaymentLedger() {
                @Override
                public Optional<PaymentResult> recordFirst(PaymentResult payment) {
                    return Optional.ofNullable(payments.putIfAbsent(payment.orderId(), payment));
                }

                @Override
                public Optional<PaymentResult> forOrder(String orderId) {
                    return Optional.ofNullable(payments.get(orderId));
                }
            },
            new ShipmentRegistry() {
                @Override
                public Optional<Shipment> recordFirst(Shipment shipment) {
                    return Optional.ofNullable(shipments.putIfAbsent(shipment.orderId(), shipment));
                }

                @Override
                public Optional<Shipment> forOrder(String orderId) {
                    return Optional.ofNullable(shipments.get(orderId));
                }
            },
            new DeliveryLog() {
                @Override
                public Optional<Delivery> recordFirst(Delivery delivery) {
                    return Optional.ofNullable(deliveries.putIfAbsent(delivery.orderId(), delivery));
                }

                @Override
                public Optional<Delivery> forOrder(String orderId) {
                    return Optional.ofNullable(deliveries.get(orderId));
                }
            });

    @BeforeEach
    void anOrderThatWasPaidShippedAndDelivered() {
        orders.put("o", OrderStatus.CREATED, TOTAL);
        payments.put("o", new PaymentResult("p", "o", TOTAL, true, null));
        shipments.put("o", new Shipment("s", "o", "DHL", Instant.now()));
        deliveries.put("o", new Delivery("o", "s", "DHL", Instant.now()));
    }

    @Test
    void eventsInOrderApplyOneStepEach() {
        assertThat(handle(paid())).isEqualTo(OrderStatusHandler.Outcome.APPLIED);
        assertThat(handle(dispatched())).isEqualTo(OrderStatusHandler.Outcome.APPLIED);
        assertThat(handle(delivered())).isEqualTo(OrderStatusHandler.Outcome.APPLIED);

        assertThat(orders.status("o")).isEqualTo(OrderStatus.DELIVERED);
        assertThat(orders.timeline).extracting(TimelineEntry::status, TimelineEntry::applied).containsExactly(
                tuple(OrderStatus.PAID, true), tuple(OrderStatus.DISPATCHED, true), tuple(OrderStatus.DELIVERED, true));
    }

    @Test
    void earlyEventsWaitAndApplyWithTheirPrerequisiteInItsTransaction() {
        assertThat(handle(delivered())).isEqualTo(OrderStatusHandler.Outcome.WAITING);
        assertThat(handle(dispatched())).isEqualTo(OrderStatusHandler.Outcome.WAITING);
        assertThat(orders.status("o")).as("never skips a step").isEqualTo(OrderStatus.CREATED);

        assertThat(handle(paid())).isEqualTo(OrderStatusHandler.Outcome.APPLIED);

        assertThat(orders.status("o")).isEqualTo(OrderStatus.DELIVERED);
        assertThat(orders.waiting).isEmpty();
        assertThat(orders.timeline).extracting(TimelineEntry::status, TimelineEntry::applied).containsExactly(
                tuple(OrderStatus.DELIVERED, true), tuple(OrderStatus.DISPATCHED, true), tuple(OrderStatus.PAID, true));
    }

    @Test
    void anEventThatContradictsHistoryIsRefused() {
        payments.put("o", new PaymentResult("p", "o", TOTAL, false, "declined"));
        handle(input(EventType.PaymentFailed, new PaymentFailed("p", "o", TOTAL, "declined")));

        assertThatThrownBy(() -> handle(delivered()))
                .isInstanceOf(ContradictionException.class)
                .hasMessage("order o is PAYMENT_FAILED: OrderDelivered cannot apply");
        assertThat(orders.status("o")).isEqualTo(OrderStatus.PAYMENT_FAILED);
    }

    @Test
    void aPaymentMustBeTheOneRecordedForTheOrdersTotal() {
        assertThatThrownBy(() -> handle(input(EventType.PaymentProcessed,
                new PaymentProcessed("p", "o", new BigDecimal("1.00")))))
                .isInstanceOf(ContradictionException.class)
                .hasMessage("payment amount 1.00 is not order o's total 10.00");
        assertThatThrownBy(() -> handle(input(EventType.PaymentProcessed,
                new PaymentProcessed("other", "o", TOTAL))))
                .isInstanceOf(ContradictionException.class)
                .hasMessage("order o was charged by payment p, not other");
        handle(paid());
        assertThatThrownBy(() -> handle(paid()))
                .isInstanceOf(ContradictionException.class)
                .hasMessage("order o is PAID: PaymentProcessed cannot apply");
    }

    @Test
    void aSecondEarlyEventForTheSameStepIsRefused() {
        handle(dispatched());
        assertThatThrownBy(() -> handle(dispatched()))
                .isInstanceOf(ContradictionException.class)
                .hasMessageContaining("already has DISPATCHED event");
    }

    @Test
    void unknownOrdersAndUnrecordedShipmentsAreNotRetried() {
        assertThatThrownBy(() -> handle(input(EventType.OrderDispatched,
                new OrderDispatched("missing", "s", "DHL"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("order missing does not exist");
        shipments.clear();
        assertThatThrownBy(() -> handle(dispatched()))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("order o has no shipment s");
    }

    private ConsumedEvent paid() {
        return input(EventType.PaymentProcessed, new PaymentProcessed("p", "o", TOTAL));
    }

    private ConsumedEvent dispatched() {
        return input(EventType.OrderDispatched, new OrderDispatched("o", "s", "DHL"));
    }

    private ConsumedEvent delivered() {
        return input(EventType.OrderDelivered, new OrderDelivered("o", "s", Instant.now()));
    }

    private ConsumedEvent input(EventType type, Record payload) {
        String orderId = payload instanceof OrderDispatched d ? d.orderId() : "o";
        return new ConsumedEvent(codec.newEvent(type, orderId, "c", payload), type.topic().topicName(), 0, 0);
    }

    /** As the order stage calls it: in the record's transaction, which an exception rolls back. */
    private OrderStatusHandler.Outcome handle(ConsumedEvent input) {
        return orders.inTransaction(() -> handler.onStatusEvent(input));
    }
}
