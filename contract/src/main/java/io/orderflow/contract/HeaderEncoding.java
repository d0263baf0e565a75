package io.orderflow.contract;

/** How a header value is written: the Spring Kafka convention of UTF-8 text and big-endian ints and longs. */
public enum HeaderEncoding {
    UTF8,
    INT32,
    INT64,
    /** An INT64 holding epoch milliseconds. */
    EPOCH_MILLIS
}
