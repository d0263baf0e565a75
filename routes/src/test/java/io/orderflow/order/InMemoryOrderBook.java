package io.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The order book of route tests: orders, their timelines and waiting events in maps. */
public class InMemoryOrderBook implements OrderBook {

    public final Map<String, OrderState> orders = new LinkedHashMap<>();
    public final List<TimelineEntry> timeline = new ArrayList<>();
    public final Map<UUID, WaitingEvent> waiting = new LinkedHashMap<>();
    public final Map<UUID, String> rejected = new LinkedHashMap<>();

    public void put(String orderId, OrderStatus status, BigDecimal total) {
        orders.put(orderId, new OrderState(orderId, status, total));
    }

    /**
     * Runs {@code work} as the stages run a record's effect, in a transaction: what it changed here is undone if it
     * throws.
     */
    public <T> T inTransaction(Supplier<T> work) {
        Map<String, OrderState> ordersBefore = new LinkedHashMap<>(orders);
        List<TimelineEntry> timelineBefore = new ArrayList<>(timeline);
        Map<UUID, WaitingEvent> waitingBefore = new LinkedHashMap<>(waiting);
        Map<UUID, String> rejectedBefore = new LinkedHashMap<>(rejected);
        try {
            return work.get();
        } catch (RuntimeException e) {
            restore(orders, ordersBefore);
            timeline.clear();
            timeline.addAll(timelineBefore);
            restore(waiting, waitingBefore);
            restore(rejected, rejectedBefore);
            throw e;
        }
    }

    private static <K, V> void restore(Map<K, V> map, Map<K, V> before) {
        map.clear();
        map.putAll(before);
    }

    public OrderStatus status(String orderId) {
        return orders.get(orderId).status();
    }

    @Override
    public void insert(Order order) {
        put(order.orderId(), order.status(), order.total());
    }

    @Override
    public Optional<OrderState> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public Optional<LockedOrder> lock(String orderId) {
        return find(orderId).map(order -> new LockedOrder(order, !waiting(orderId).isEmpty()));
    }

    @Override
    public Optional<LockedOrder> advance(String orderId, OrderStatus from, OrderStatus to, Instant at) {
        Optional<LockedOrder> before = lock(orderId).filter(order -> order.state().status() == from);
        before.ifPresent(order -> updateStatus(orderId, to, at));
        return before;
    }

    @Override
    public void updateStatus(String orderId, OrderStatus status, Instant at) {
        put(orderId, status, orders.get(orderId).total());
    }

    @Override
    public void addTimeline(String orderId, TimelineEntry entry) {
        timeline.add(entry);
    }

    @Override
    public void markApplied(String orderId, UUID eventId) {
        timeline.replaceAll(entry -> entry.eventId().equals(eventId) ? new TimelineEntry(entry.status(), entry.at(),
                entry.topic(), entry.partition(), entry.offset(), entry.eventId(), true) : entry);
    }

    @Override
    public void addWaiting(WaitingEvent event) {
        waiting.put(event.eventId(), event);
    }

    @Override
    public List<WaitingEvent> waiting(String orderId) {
        return waiting.values().stream().filter(event -> event.orderId().equals(orderId)).toList();
    }

    @Override
    public void settleWaiting(String orderId, UUID eventId, String rejectedCause) {
        waiting.remove(eventId);
        if (rejectedCause != null) {
            rejected.put(eventId, rejectedCause);
        }
    }
}
