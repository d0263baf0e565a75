package io.orderflow.kafka;

/** Where the broker stored a record. */
public record PublishedRecord(String topic, int partition, long offset) {
}
