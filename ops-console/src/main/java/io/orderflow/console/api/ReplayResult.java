package io.orderflow.console.api;

import java.util.List;

public record ReplayResult(boolean dryRun, int requested, int replayed, int refused, List<ActionOutcome> results) {

    /** Dead letters the request covers that are (or would be) sent back. */
    public long accepted() {
        return results == null ? replayed
                : results.stream().filter(r -> !"REFUSED".equals(r.outcome())).count();
    }
}
