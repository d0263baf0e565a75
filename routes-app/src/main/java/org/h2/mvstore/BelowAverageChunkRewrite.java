package org.h2.mvstore;

/**
 * Rewrites the live pages of an H2 store's emptiest chunks the way H2's own background writer does under load, for a
 * store that runs without that writer ({@code WRITE_DELAY=0}, see {@code H2StoreHousekeeping}).
 * <p>
 * H2's public {@link MVStore#compact(int, int)} considers every chunk past its retention time, however full, and
 * picks the oldest first: under steady load it spent its budget mostly on rewriting old chunks of rows that no
 * longer change, each nearly all live, so it moved a lot and freed little. The writer instead rewrites only chunks
 * at most as live as the rewritable chunks are on average, so each byte it moves frees more than it costs. That
 * method ({@link FileStore#rewriteChunks(int, int)}) and the fill rate it is given are not public; this class lives
 * in H2's package to call them, and fails to compile, rather than at run time, should a new H2 change them.
 */
public final class BelowAverageChunkRewrite {

    private BelowAverageChunkRewrite() {
    }

    /**
     * While the rewritable chunks are less than {@code belowFillRate} percent live on average, rewrites chunks no
     * more live than that average, their live pages up to {@code writeLimit} bytes, commits them, and frees the
     * chunks this emptied once their retention allows.
     * <p>
     * The rewritten pages are committed here, on the caller's thread: left unsaved, they were written with the next
     * transaction's commit, on whatever thread made it (in the application, mostly the one placing orders for
     * {@code POST}), which then serialized a chunk of several MiB instead of its own few KiB, each in a newly grown
     * buffer of the JVM's humongous size.
     *
     * @return whether any chunk was rewritten
     */
    public static boolean rewrite(MVStore store, int belowFillRate, int writeLimit) throws InterruptedException {
        FileStore<?> fileStore = store.getFileStore();
        if (fileStore == null || !fileStore.hasPersistentData()) {
            return false;
        }
        int averageFillRate = fileStore.getRewritableChunksFillRate();
        if (averageFillRate >= belowFillRate) {
            return false;
        }
        Boolean rewritten = store.tryExecuteUnderStoreLock(() -> {
            boolean any = fileStore.rewriteChunks(writeLimit, averageFillRate);
            if (any) {
                fileStore.dropUnusedChunks();
            }
            return any;
        });
        if (!Boolean.TRUE.equals(rewritten)) {
            return false;
        }
        store.commit();
        return true;
    }
}
