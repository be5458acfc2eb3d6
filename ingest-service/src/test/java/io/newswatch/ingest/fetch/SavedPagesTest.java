package io.newswatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.hostile.ZipBombs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedPagesTest {
    @TempDir
    Path dir;

    /** 10 MB on disk, 4 GB decompressed: refused after the cap, quickly, without filling the heap. */
    @Test
    void aZipBombIsRefusedWithAClearError() throws IOException {
        Path bomb = ZipBombs.write(dir.resolve("bomb.html.gz"));

        IOException e = assertThrows(IOException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> SavedPages.read(bomb, null)));

        assertTrue(e.getMessage().contains("larger than " + SavedPages.MAX_PAGE_BYTES / (1024 * 1024) + " MB"), e.getMessage());
        assertTrue(e.getMessage().contains("bomb.html.gz"), e.getMessage());
    }

    @Test
    void aPageJustUnderTheCapIsRead() throws IOException {
        Path page = dir.resolve("page.html.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(page))) {
            out.write("<html><body><p>kept</p>".getBytes());
            out.write(new byte[1024 * 1024]);
        }

        assertEquals("kept", SavedPages.read(page, null).selectFirst("p").text());
    }
}
