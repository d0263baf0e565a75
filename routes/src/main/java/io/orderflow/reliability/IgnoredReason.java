package io.orderflow.reliability;

/** Why a stage received an event and deliberately did nothing with it. */
public enum IgnoredReason {
    /** The eventId was processed before (redelivery, replay, rebalance, restart). */
    DUPLICATE,
    /** The event would move an order's status backwards; it is kept in the timeline but not applied. */
    LATE
}
