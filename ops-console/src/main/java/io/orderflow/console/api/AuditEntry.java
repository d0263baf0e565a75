package io.orderflow.console.api;

/** One recorded operator action on a dead letter. */
public record AuditEntry(String id, String at, String actor, String action, String deadLetterId, String outcome,
                         String detail) {
}
