package io.newswatch.ingest.cli;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The fixed split of a benchmark's pages into a tuning half and a held-out half. A page belongs to
 * the tuning half when the CRC-32 of its id (UTF-8) is even: stable across runs, machines and
 * page order, and independent of the page's content, so no one can move a page between halves.
 * Work on the tuning half (look at its worst pages); the held-out half says whether a change
 * generalises.
 */
enum BenchSplit {
    TUNING("tuning"), HELD_OUT("held-out");

    final String label;

    BenchSplit(String label) {
        this.label = label;
    }

    static BenchSplit of(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 0 ? TUNING : HELD_OUT;
    }
}
