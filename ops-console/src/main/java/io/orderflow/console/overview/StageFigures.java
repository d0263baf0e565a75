package io.orderflow.console.overview;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.orderflow.console.deadletter.DeadLetterTally;
import io.orderflow.console.lag.GroupLag;
import io.orderflow.console.lag.LagReport;
import io.orderflow.console.lag.PartitionLag;
import io.orderflow.console.traffic.TrafficSample;
import io.orderflow.contract.Topic;

/**
 * What a stage card shows, combined from the latest samples. Health is the group's Burrow status, raised to WARN
 * while the stage dead-lettered records recently, and UNKNOWN until the cluster has been read.
 *
 * @param inputs      the topics the stage's group reads (from its committed offsets; the built-in ones until the group
 *                    is seen), each with the records/s it consumes there (NaN when unknown)
 * @param outRate     records/s produced to the stage's topic, NaN when unknown
 * @param lag         records the group is behind on all its topics, null without a group
 * @param lagMillis   age of the oldest record the group has not consumed, null when unknown
 * @param deadLetters records the group has dead-lettered, all time; null until the DLT topics have been read
 */
public record StageFigures(Stage stage, List<Input> inputs, double outRate, Long lag, Long lagMillis,
                           Long deadLetters, String health, String note) {

    /** One topic a stage reads, and how fast. */
    public record Input(String topic, double rate) {
    }

    /** Records/s the stage consumes over all its inputs; NaN when none is known (or it has none). */
    public double inRate() {
        return inputs.stream().mapToDouble(Input::rate).filter(rate -> !Double.isNaN(rate))
                .reduce(Double::sum).orElse(Double.NaN);
    }

    /** Dead letters this recent make a stage's health at least WARN. */
    static final Duration RECENT_FAILURES = Duration.ofMinutes(5);

    static StageFigures of(Stage stage, TrafficSample traffic, LagReport lag, DeadLetterTally tally, Instant now) {
        double outRate = traffic == null ? Double.NaN : traffic.rate(stage.output());
        if (stage.group() == null) {
            return new StageFigures(stage, List.of(), outRate, null, null, null,
                    traffic == null ? "UNKNOWN" : "OK", "");
        }
        Optional<GroupLag> group = lag == null ? Optional.empty() : lag.group(stage.group());
        Long deadLetters = tally == null ? null : tally.count(stage.group());
        boolean failingNow = tally != null && tally.failedSince(stage.group(), now.minus(RECENT_FAILURES));
        String health;
        String note;
        if (lag == null) {
            health = "UNKNOWN";
            note = "waiting for the cluster";
        } else if (group.isEmpty()) {
            health = "UNKNOWN";
            note = "group " + stage.group() + " has not committed yet";
        } else {
            GroupLag g = group.get();
            health = failingNow && !g.status().isProblem() ? "WARN" : g.status().name();
            note = failingNow ? "dead letters in the last " + RECENT_FAILURES.toMinutes() + " min"
                    : g.state().toLowerCase(Locale.ROOT) + ", " + g.members()
                    + (g.members() == 1 ? " member" : " members");
        }
        return new StageFigures(stage, inputs(stage, group), outRate,
                group.map(GroupLag::totalLag).orElse(null),
                group.map(GroupLag::maxLagMillis).orElse(null),
                deadLetters, health, note);
    }

    /** The topics the group has offsets on, in flow order, each with its consume rate. */
    private static List<Input> inputs(Stage stage, Optional<GroupLag> group) {
        if (group.isEmpty() || group.get().partitions().isEmpty()) {
            return stage.inputs().stream().map(topic -> new Input(topic, Double.NaN)).toList();
        }
        List<String> flow = Topic.allTopicNames();
        return group.get().partitions().stream().map(PartitionLag::topic).distinct()
                .sorted(Comparator.comparingInt((String topic) -> flow.contains(topic) ? flow.indexOf(topic)
                        : flow.size()).thenComparing(Comparator.naturalOrder()))
                .map(topic -> new Input(topic, group.get().consumeRate(topic)))
                .toList();
    }
}
