package io.orderflow.console.lag;

/**
 * Burrow's statuses, in its order of severity. A partition can be any of them; a group is its worst partition,
 * with STOP, STALL and REWIND reported as ERR (Burrow's group rule).
 */
public enum LagStatus {
    OK("consuming normally, or caught up at least once in the window"),
    WARN("offsets advance but the lag did not decrease over the window"),
    ERR("a partition stopped, stalled or rewound"),
    STOP("no commits for longer than the window spans, with lag"),
    STALL("the consumer is alive but its committed offset has not moved over the window, with lag"),
    REWIND("the committed offset moved backwards");

    private final String meaning;

    LagStatus(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isProblem() {
        return this != OK;
    }

    public LagStatus asGroupStatus() {
        return compareTo(ERR) > 0 ? ERR : this;
    }
}
