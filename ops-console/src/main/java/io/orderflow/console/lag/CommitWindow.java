package io.orderflow.console.lag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Burrow's evaluation window for one partition: the last {@code capacity} commits, each with the lag at that
 * moment, judged by the rules of Burrow's {@code evaluator/caching.go}.
 *
 * <p>Burrow sees every commit; the admin API only shows the committed offset now. So a sample counts as a commit
 * when the offset moved, or when a live group member owns the partition (a live consumer keeps committing, even
 * the same offset). A partition nobody owns adds nothing, so its last commit ages, which is what STOP measures.
 * STALL and WARN need a full window, so a consumer does not look stuck during its first few seconds on screen.
 */
final class CommitWindow {

    record Commit(long offset, long lag, long atMillis) {
    }

    private final int capacity;
    private final ArrayDeque<Commit> commits = new ArrayDeque<>();

    CommitWindow(int capacity) {
        this.capacity = capacity;
    }

    void observe(long committed, long lag, long atMillis, boolean ownedByLiveMember) {
        Commit last = commits.peekLast();
        if (last == null || last.offset() != committed || ownedByLiveMember) {
            commits.addLast(new Commit(committed, lag, atMillis));
            if (commits.size() > capacity) {
                commits.removeFirst();
            }
        }
    }

    LagStatus evaluate(long currentLag, long nowMillis) {
        List<Commit> window = new ArrayList<>(commits);
        // Rule 1: lag that reached zero at any point in the window is fine
        if (window.isEmpty() || currentLag == 0 || window.stream().anyMatch(c -> c.lag() == 0)) {
            return LagStatus.OK;
        }
        if (rewound(window)) {
            return LagStatus.REWIND;
        }
        if (stopped(window, nowMillis)) {
            return LagStatus.STOP;
        }
        if (window.size() < capacity) {
            return LagStatus.OK;
        }
        if (stalled(window)) {
            return LagStatus.STALL;
        }
        return lagNeverDecreased(window) ? LagStatus.WARN : LagStatus.OK;
    }

    /** Rule 2: the committed offset went backwards between two commits. */
    private static boolean rewound(List<Commit> window) {
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).offset() < window.get(i - 1).offset()) {
                return true;
            }
        }
        return false;
    }

    /** Rule 3: the time since the last commit exceeds the time the window spans. */
    private static boolean stopped(List<Commit> window, long nowMillis) {
        long first = window.get(0).atMillis();
        long last = window.get(window.size() - 1).atMillis();
        return nowMillis - last > last - first;
    }

    /** Rule 4: commits keep coming but the offset never moves. */
    private static boolean stalled(List<Commit> window) {
        return window.stream().mapToLong(Commit::offset).distinct().count() == 1;
    }

    /** Rule 5: offsets move but the lag never went down from one commit to the next. */
    private static boolean lagNeverDecreased(List<Commit> window) {
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).lag() < window.get(i - 1).lag()) {
                return false;
            }
        }
        return true;
    }
}
