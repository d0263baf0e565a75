package io.orderflow.console.api;

/** What happened (or, on a dry run, would happen) to one dead letter. */
public record ActionOutcome(String id, String outcome, String reason, String targetTopic) {
}
