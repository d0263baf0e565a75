package io.orderflow.console.api;

import java.util.List;
import java.util.Set;

/**
 * A replay job as the app reports it. States: QUEUED, RUNNING, CANCELLING while it goes on; DONE, CANCELLED,
 * FAILED (sends kept failing) or INTERRUPTED (the app stopped) once it ended.
 */
public record ReplayJob(String id, String state, int ratePerSecond, String requestedBy, String createdAt,
                        String startedAt, String finishedAt, int selected, int sent, int refused, int failed,
                        int remaining, String detail, List<Problem> problems) {

    private static final Set<String> ENDED = Set.of("DONE", "CANCELLED", "FAILED", "INTERRUPTED");

    /** A dead letter the job did not replay, and why. */
    public record Problem(String deadLetterId, String outcome, String reason) {
    }

    public boolean ended() {
        return ENDED.contains(state);
    }

    /** Share of the selection handled so far, 0 to 1. */
    public double progress() {
        return selected == 0 ? 1 : (selected - remaining) / (double) selected;
    }
}
