package io.orderflow.console.lag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Burrow's partition rules (evaluator/caching.go) over a window of five commits, one sample per second. */
class CommitWindowTest {

    private static final int SIZE = 5;
    private final CommitWindow window = new CommitWindow(SIZE);

    @Test
    void lagThatReachedZeroInTheWindowIsOk() {
        long[][] commits = {{10, 5}, {12, 0}, {12, 3}, {12, 6}, {12, 9}};
        observe(commits, true);
        assertThat(window.evaluate(9, second(5))).isEqualTo(LagStatus.OK);
    }

    @Test
    void aCommittedOffsetGoingBackIsRewind() {
        observe(new long[][] {{20, 4}, {15, 9}}, true);
        assertThat(window.evaluate(9, second(2))).isEqualTo(LagStatus.REWIND);
    }

    @Test
    void noCommitsForLongerThanTheWindowSpansIsStop() {
        observe(new long[][] {{1, 5}, {2, 5}, {3, 5}}, true);
        // nobody owns the partition any more: no further commits arrive while the lag stays
        for (int second = 3; second <= 8; second++) {
            window.observe(3, 9, second(second), false);
        }
        // the window spans seconds 0 to 2: two seconds of silence are still within it, three are not
        assertThat(window.evaluate(9, second(4))).isEqualTo(LagStatus.OK);
        assertThat(window.evaluate(9, second(5))).isEqualTo(LagStatus.STOP);
    }

    @Test
    void aGroupThatNeverConsumedWithLagStopsAfterOneSample() {
        window.observe(1, 8, second(0), false);
        assertThat(window.evaluate(8, second(0))).isEqualTo(LagStatus.OK);
        window.observe(1, 8, second(1), false);
        assertThat(window.evaluate(8, second(1))).isEqualTo(LagStatus.STOP);
    }

    @Test
    void aLiveConsumerWhoseOffsetDoesNotMoveStallsOnceTheWindowIsFull() {
        for (int second = 0; second < SIZE - 1; second++) {
            window.observe(7, 4, second(second), true);
            assertThat(window.evaluate(4, second(second))).isEqualTo(LagStatus.OK);
        }
        window.observe(7, 4, second(SIZE - 1), true);
        assertThat(window.evaluate(4, second(SIZE - 1))).isEqualTo(LagStatus.STALL);
    }

    @Test
    void offsetsMovingWhileTheLagNeverDecreasesIsWarn() {
        observe(new long[][] {{10, 3}, {11, 3}, {12, 4}, {13, 6}, {14, 6}}, true);
        assertThat(window.evaluate(6, second(5))).isEqualTo(LagStatus.WARN);
    }

    @Test
    void aLagThatWentDownOnceIsOk() {
        observe(new long[][] {{10, 3}, {11, 5}, {14, 4}, {15, 6}, {16, 7}}, true);
        assertThat(window.evaluate(7, second(5))).isEqualTo(LagStatus.OK);
    }

    @Test
    void theWindowKeepsOnlyTheLatestCommits() {
        observe(new long[][] {{10, 0}, {11, 2}, {12, 3}, {13, 4}, {14, 5}, {15, 6}}, true);
        // the commit with zero lag has left the window, the rest never decreased
        assertThat(window.evaluate(6, second(6))).isEqualTo(LagStatus.WARN);
    }

    private void observe(long[][] offsetAndLag, boolean owned) {
        for (int i = 0; i < offsetAndLag.length; i++) {
            window.observe(offsetAndLag[i][0], offsetAndLag[i][1], second(i), owned);
        }
    }

    private static long second(int second) {
        return 1_000_000L + second * 1000L;
    }
}
