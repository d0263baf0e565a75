package io.orderflow.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the current poll batch waits for before it commits (see
 * {@link io.orderflow.reliability.PollBatchPolicy}). Waiting for each acknowledgement in turn made every
 * record of a stage pay a broker round trip; inside a batch the events go out back to back, the producer batches
 * them, and the batch commits nothing — neither database nor offset — before all of them are acknowledged.
 * Kept per thread: camel-kafka runs a poll's records on the thread that polled them.
 */
public final class PendingSends {

    private final ThreadLocal<List<CompletableFuture<?>>> current = new ThreadLocal<>();

    /** From now on this thread's sends are collected instead of awaited one by one. */
    public void open() {
        current.set(new ArrayList<>());
    }

    /** Whether a batch on this thread collects sends; if not, a sender waits for its acknowledgement itself. */
    public boolean isOpen() {
        return current.get() != null;
    }

    public void add(CompletableFuture<?> acknowledgement) {
        current.get().add(acknowledgement);
    }

    /** Waits for every collected send and closes the collection; throws the first failure. */
    public void awaitAll() {
        List<CompletableFuture<?>> pending = current.get();
        current.remove();
        if (pending != null) {
            // bounded by the producer's delivery.timeout.ms, after which a send fails instead of hanging
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** Closes the collection without waiting: the batch is rolled back and will be read again. */
    public void discard() {
        current.remove();
    }
}
