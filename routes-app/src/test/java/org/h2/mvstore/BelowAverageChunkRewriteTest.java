package org.h2.mvstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store with the two kinds of chunk the application's writes leave behind: chunks of rows that no longer change
 * (nearly all live) and chunks of rows that were written and removed (mostly dead). Lives in H2's package, like the
 * class it tests, to read the chunks' fill rates.
 */
class BelowAverageChunkRewriteTest {

    private static final int FULL = 90;
    private static final int ROWS = 5_000;

    @TempDir
    Path dir;

    private MVStore store;

    @BeforeEach
    void storeWithFullAndEmptyChunks() {
        store = new MVStore.Builder().fileName(dir.resolve("store.mv").toString()).autoCommitDisabled().open();
        store.setRetentionTime(0);
        store.setVersionsToKeep(0);
        fill(store.openMap("kept"));
        MVMap<Integer, String> updated = store.openMap("updated");
        fill(updated);
        MVMap<Integer, String> removed = store.openMap("removed");
        for (int i = 0; i < 500; i++) {
            // each commit's chunk: a leaf of "updated" that stays live until that leaf changes again, and a page of
            // "removed" that dies with the next commit
            updated.put(i * 97 % ROWS, "u".repeat(200));
            removed.put(i, "r".repeat(4_000));
            removed.remove(i - 1);
            store.commit();
        }
        store.commit();
        assertThat(chunkIds(fill -> fill >= FULL)).as("nearly full chunks").hasSizeGreaterThan(3);
        assertThat(chunkIds(fill -> fill < 50)).as("mostly empty chunks").hasSizeGreaterThan(50);
    }

    @AfterEach
    void close() {
        store.closeImmediately();
    }

    @Test
    void rewritesTheEmptiestChunksAndLeavesTheFullOnesAlone() throws Exception {
        Set<Integer> full = chunkIds(fill -> fill >= FULL);
        int before = store.getFileStore().chunks.size();

        assertThat(BelowAverageChunkRewrite.rewrite(store, 81, Integer.MAX_VALUE)).isTrue();
        assertThat(store.hasUnsavedChanges()).as("rewritten pages left to the next commit").isFalse();
        dropWhatWasRewritten();

        assertThat(store.getFileStore().chunks.keySet()).containsAll(full);
        assertThat(store.getFileStore().chunks.size()).as("chunks after the rewrite").isLessThan(before / 2);
        assertThat(store.getFileStore().getRewritableChunksFillRate()).isGreaterThan(81);
    }

    @Test
    void doesNothingWhileTheChunksAreLiveEnoughOnAverage() throws Exception {
        long version = store.getCurrentVersion();

        assertThat(BelowAverageChunkRewrite.rewrite(store, 10, Integer.MAX_VALUE)).isFalse();

        assertThat(store.hasUnsavedChanges()).isFalse();
        assertThat(store.getCurrentVersion()).isEqualTo(version);
    }

    /** Why the class exists: H2's public compaction rewrites the full chunks too, to free next to nothing. */
    @Test
    void h2sPublicCompactRewritesTheFullChunksToo() {
        Set<Integer> full = chunkIds(fill -> fill >= FULL);

        assertThat(store.compact(81, Integer.MAX_VALUE)).isTrue();
        dropWhatWasRewritten();

        assertThat(store.getFileStore().chunks.keySet()).doesNotContainAnyElementsOf(full);
    }

    /** Rows that are not changed afterwards, in chunks of their own that stay nearly all live. */
    private void fill(MVMap<Integer, String> map) {
        for (int i = 0; i < ROWS; i++) {
            map.put(i, "k".repeat(200));
            if (i % 500 == 499) {
                store.commit();
            }
        }
    }

    /** The rewritten pages are saved with the next commit; the chunks they left are dropped after it. */
    private void dropWhatWasRewritten() {
        store.commit();
        store.getFileStore().dropUnusedChunks();
    }

    /** Chunks old enough to rewrite (H2 never rewrites the newest two versions) with a fill rate {@code fillRate} accepts. */
    private Set<Integer> chunkIds(IntPredicate fillRate) {
        return store.getFileStore().chunks.values().stream()
                .filter(chunk -> chunk.version < store.getCurrentVersion() - 1 && fillRate.test(chunk.getFillRate()))
                .map(chunk -> chunk.id)
                .collect(Collectors.toSet());
    }
}
