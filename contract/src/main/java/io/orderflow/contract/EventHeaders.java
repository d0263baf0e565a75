package io.orderflow.contract;

/** Kafka record headers (UTF-8 text) the pipeline writes on every event, so tools can filter without parsing JSON. */
public final class EventHeaders {
    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_ID = "eventId";
    public static final String CORRELATION_ID = "correlationId";

    private EventHeaders() {
    }
}
