package io.orderflow.reliability;

/** Durable record of events a stage ignored, so "nothing done twice" can be audited after the fact. */
public interface IgnoredEventLog {

    void record(String consumer, ConsumedEvent input, IgnoredReason reason);
}
