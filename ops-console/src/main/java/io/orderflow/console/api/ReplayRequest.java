package io.orderflow.console.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Replay by ids, or by a filter (a whole group); a dry run reports what would happen and changes nothing, and its
 * selection id confirms exactly what it selected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayRequest(List<String> ids, Filter filter, boolean dryRun, Integer ratePerSecond,
                            String selectionId) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(String topic, String exception, String orderId) {
    }

    public static ReplayRequest ofIds(List<String> ids, boolean dryRun) {
        return new ReplayRequest(List.copyOf(ids), null, dryRun, null, null);
    }

    public static ReplayRequest ofGroup(DeadLetterGroup group, boolean dryRun, Integer ratePerSecond) {
        return new ReplayRequest(null, new Filter(group.originalTopic(), group.exceptionClass(), null), dryRun,
                ratePerSecond, null);
    }

    /** Replays exactly what the dry run {@code selectionId} selected. */
    public static ReplayRequest confirm(String selectionId, Integer ratePerSecond) {
        return new ReplayRequest(null, null, false, ratePerSecond, selectionId);
    }
}
