package io.orderflow.console.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The app's answer to a dry run: the verdict on each dead letter, and the selection id that replays exactly these
 * when confirmed. The contract names the count {@code replayed}; the app answers {@code accepted}, so both are read.
 */
public record ReplayResult(boolean dryRun, String selectionId, int requested, @JsonAlias("accepted") int replayed,
                           int refused, List<ActionOutcome> results) {

    /** Dead letters the dry run would send back. */
    public long accepted() {
        return results == null ? replayed
                : results.stream().filter(r -> !"REFUSED".equals(r.outcome())).count();
    }
}
