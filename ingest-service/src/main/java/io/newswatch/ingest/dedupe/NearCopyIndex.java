package io.newswatch.ingest.dedupe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the candidates for near copies of a body without comparing it with every body seen: locality-sensitive
 * hashing over MinHash bands. The {@value ContentFingerprint#HASHES} minimum hashes are cut into {@value #BANDS}
 * bands of {@value #ROWS}; two bodies are candidates when any band is identical. At the near-copy threshold
 * (Jaccard 0.6) two bodies share a band with probability 1 - (1 - 0.6³)²¹ = 0.994, and at 0.7 with 0.9998;
 * unrelated news (Jaccard under 0.05) almost never do, so a lookup reads a handful of candidates, whatever the
 * archive's size. Candidates are then checked with {@link ContentFingerprint#isNear}. Not thread-safe.
 */
final class NearCopyIndex {
    static final int ROWS = 3;
    static final int BANDS = ContentFingerprint.HASHES / ROWS;

    private final Map<Long, Set<String>> idsByBand = new HashMap<>();

    void add(String id, ContentFingerprint fp) {
        for (long key : bandKeys(fp)) idsByBand.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
    }

    void remove(String id, ContentFingerprint fp) {
        for (long key : bandKeys(fp)) {
            Set<String> ids = idsByBand.get(key);
            if (ids != null && ids.remove(id) && ids.isEmpty()) idsByBand.remove(key);
        }
    }

    /** The ids that share at least one band with {@code fp}, oldest first within each band. */
    List<String> candidates(ContentFingerprint fp) {
        Set<String> found = new LinkedHashSet<>();
        for (long key : bandKeys(fp)) {
            Set<String> ids = idsByBand.get(key);
            if (ids != null) found.addAll(ids);
        }
        return new ArrayList<>(found);
    }

    private static long[] bandKeys(ContentFingerprint fp) {
        int[] minHash = fp.minHash();
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = band;
            for (int row = 0; row < ROWS; row++) key = key * 0x100000001b3L + minHash[band * ROWS + row];
            keys[band] = key;
        }
        return keys;
    }
}
