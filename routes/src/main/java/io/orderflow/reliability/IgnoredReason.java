package io.orderflow.reliability;

/** Why a stage received an event and deliberately did nothing with it. */
public enum IgnoredReason {
    /** The eventId was processed before (redelivery, replay, rebalance, restart). */
    DUPLICATE,
    /**
     * Read before its prerequisite (dispatched before paid was read): kept as a waiting fact and in the timeline,
     * applied in the transaction of the event that makes it applicable.
     */
    EARLY
}
