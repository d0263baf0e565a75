package io.orderflow.console.lag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** All consumer groups at one sampling moment, by group id. */
public record LagReport(Instant at, List<GroupLag> groups) {

    public Optional<GroupLag> group(String id) {
        return groups.stream().filter(g -> g.group().equals(id)).findFirst();
    }
}
