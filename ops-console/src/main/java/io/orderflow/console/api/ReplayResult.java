package io.orderflow.console.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The app's answer to a replay. The contract names the count {@code replayed}; the app as built answers
 * {@code accepted}, so both are read.
 */
public record ReplayResult(boolean dryRun, int requested, @JsonAlias("accepted") int replayed, int refused,
                           List<ActionOutcome> results) {

    /** Dead letters the request covers that are (or, on a dry run, would be) sent back. */
    public long accepted() {
        return results == null ? replayed
                : results.stream().filter(r -> !"REFUSED".equals(r.outcome())).count();
    }
}
