package io.orderflow.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Batch transactions that only write down what happened to them, in order, into a shared log. */
public final class RecordingBatchTransactions implements BatchTransactions {

    private final List<String> log;
    private final boolean undoesEverything;
    private RuntimeException commitFailure;
    private int opened;

    public RecordingBatchTransactions() {
        this(new CopyOnWriteArrayList<>());
    }

    public RecordingBatchTransactions(List<String> log) {
        this(log, false);
    }

    /** @param undoesEverything what {@link #undoesEverything()} answers: true lets batches run optimistically */
    public RecordingBatchTransactions(List<String> log, boolean undoesEverything) {
        this.log = log;
        this.undoesEverything = undoesEverything;
    }

    @Override
    public boolean undoesEverything() {
        return undoesEverything;
    }

    public List<String> log() {
        return log;
    }

    public void failNextCommit(RuntimeException failure) {
        this.commitFailure = failure;
    }

    @Override
    public Transaction begin() {
        int id = ++opened;
        log.add("begin " + id);
        return new Transaction() {
            @Override
            public void commit() {
                RuntimeException failure = commitFailure;
                commitFailure = null;
                if (failure != null) {
                    log.add("commit " + id + " failed");
                    throw failure;
                }
                log.add("commit " + id);
            }

            @Override
            public void rollback() {
                log.add("rollback " + id);
            }
        };
    }
}
