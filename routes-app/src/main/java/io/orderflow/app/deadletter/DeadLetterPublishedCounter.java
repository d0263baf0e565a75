package io.orderflow.app.deadletter;

import java.util.List;

import org.springframework.stereotype.Component;

import io.orderflow.app.outbox.PublishedListener;
import io.orderflow.app.outbox.PublishedRecord;
import io.orderflow.contract.DltHeaders;
import io.orderflow.contract.Topic;
import io.orderflow.outbox.OutboxRecord;
import io.orderflow.reliability.ReliabilityMetrics;

/**
 * Counts a dead letter when it is on its dead-letter topic: a dead letter is written in the poll batch's transaction,
 * and one whose batch rolled back was never a dead letter.
 */
@Component
class DeadLetterPublishedCounter implements PublishedListener {

    private final ReliabilityMetrics metrics;

    DeadLetterPublishedCounter(ReliabilityMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void published(List<PublishedRecord> records) {
        for (PublishedRecord published : records) {
            OutboxRecord record = published.record();
            if (Topic.isDeadLetterTopic(record.topic())) {
                metrics.deadLettered(record.headerText(DltHeaders.ROUTE_ID),
                        record.headerText(DltHeaders.ORIGINAL_TOPIC));
            }
        }
    }
}
