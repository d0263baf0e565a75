package io.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.orderflow.event.EventCodec;
import io.orderflow.event.EventType;
import io.orderflow.event.Payloads.OrderDelivered;
import io.orderflow.event.Payloads.OrderDispatched;
import io.orderflow.event.Payloads.PaymentProcessed;
import io.orderflow.reliability.NonRetryableException;
import io.orderflow.reliability.StageInput;

class OrderStatusStageTest {

    private final EventCodec codec = new EventCodec();
    private final Map<String, OrderStatus> statuses = new HashMap<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final OrderStatusStage stage = new OrderStatusStage(new OrderBook() {
        @Override
        public void insert(Order order) {
            statuses.put(order.orderId(), order.status());
        }

        @Override
        public Optional<OrderStatus> lockStatus(String orderId) {
            return Optional.ofNullable(statuses.get(orderId));
        }

        @Override
        public void updateStatus(String orderId, OrderStatus status, Instant at) {
            statuses.put(orderId, status);
        }

        @Override
        public void addTimeline(String orderId, TimelineEntry entry) {
            timeline.add(entry);
        }
    });

    @Test
    void statusOnlyMovesForwardAndLateEventsStayInTheTimeline() {
        statuses.put("o", OrderStatus.CREATED);
        assertThat(stage.onStatusEvent(input(EventType.PaymentProcessed, new PaymentProcessed("p", "o", BigDecimal.TEN))))
                .isEqualTo(OrderStatusStage.Outcome.APPLIED);
        assertThat(stage.onStatusEvent(input(EventType.OrderDelivered, new OrderDelivered("o", "s", Instant.now()))))
                .isEqualTo(OrderStatusStage.Outcome.APPLIED);
        assertThat(stage.onStatusEvent(input(EventType.OrderDispatched, new OrderDispatched("o", "s", "DHL"))))
                .isEqualTo(OrderStatusStage.Outcome.LATE);

        assertThat(statuses.get("o")).isEqualTo(OrderStatus.DELIVERED);
        assertThat(timeline).extracting(TimelineEntry::status, TimelineEntry::applied).containsExactly(
                tuple(OrderStatus.PAID, true),
                tuple(OrderStatus.DELIVERED, true),
                tuple(OrderStatus.DISPATCHED, false));
    }

    @Test
    void anUnknownOrderIsARetryableFailure() {
        assertThatThrownBy(() -> stage.onStatusEvent(input(EventType.OrderDispatched,
                new OrderDispatched("missing", "s", "DHL"))))
                .isInstanceOf(OrderNotFoundException.class)
                .isNotInstanceOf(NonRetryableException.class);
    }

    private StageInput input(EventType type, Record payload) {
        String orderId = payload instanceof OrderDispatched d ? d.orderId() : "o";
        return new StageInput(codec.newEvent(type, orderId, "c", payload), type.topic().topicName(), 0, 0);
    }
}
