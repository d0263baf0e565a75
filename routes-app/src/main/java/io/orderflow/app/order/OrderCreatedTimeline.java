package io.orderflow.app.order;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Component;

import io.orderflow.app.outbox.PublishedListener;
import io.orderflow.app.outbox.PublishedRecord;
import io.orderflow.contract.EventHeaders;
import io.orderflow.contract.EventType;
import io.orderflow.contract.Topic;
import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.TimelineEntry;
import io.orderflow.outbox.OutboxRecord;

/**
 * Writes an order's CREATED timeline entry once its OrderCreated is on order-events, pointing at that record: until
 * then the order exists but its event is only queued, and the timeline says so by not having the entry yet.
 */
@Component
class OrderCreatedTimeline implements PublishedListener {

    private final JdbcOrderBook orders;
    private final EventCodec codec;

    OrderCreatedTimeline(JdbcOrderBook orders, EventCodec codec) {
        this.orders = orders;
        this.codec = codec;
    }

    @Override
    public void published(List<PublishedRecord> records) {
        List<OrderTimelineEntry> created = new ArrayList<>();
        for (PublishedRecord published : records) {
            if (awaits(published.record())) {
                EventEnvelope event = codec.decode(published.record().value());
                RecordMetadata where = published.where();
                created.add(new OrderTimelineEntry(event.orderId(), new TimelineEntry(OrderStatus.CREATED,
                        event.occurredAt(), where.topic(), where.partition(), where.offset(), event.eventId(), true)));
            }
        }
        orders.addTimelineIfAbsent(created);
    }

    /**
     * The order's later steps are written as their events are consumed, milliseconds after this one is published: a
     * CREATED step written with a later removal would leave an order paid, even delivered, without it meanwhile.
     */
    @Override
    public boolean awaits(OutboxRecord record) {
        return record.topic().equals(Topic.ORDER.topicName())
                && EventType.OrderCreated.name().equals(record.headerText(EventHeaders.EVENT_TYPE));
    }
}
