package io.newswatch.ingest.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedUrlsTest {
    @TempDir
    Path dir;

    @Test
    void urlsAreRememberedAcrossRestarts() throws IOException {
        try (PublishedUrls urls = PublishedUrls.open(dir)) {
            urls.markPublished("id1", List.of("https://a.example/1", "https://a.example/one"));
            urls.markRefused("https://a.example/video");
        }

        try (PublishedUrls urls = PublishedUrls.open(dir)) {
            assertTrue(urls.contains("https://a.example/1"));
            assertTrue(urls.contains("https://a.example/one"));
            assertTrue(urls.contains("https://a.example/video"));
            assertFalse(urls.contains("https://a.example/2"));
            assertEquals(3, urls.size());
        }
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndLaterWritesSurvive() throws IOException {
        try (PublishedUrls urls = PublishedUrls.open(dir)) {
            urls.markPublished("id1", List.of("https://a.example/1"));
        }
        Files.writeString(dir.resolve(PublishedUrls.FILE), "published\tid2\thttps://a.exa", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (PublishedUrls urls = PublishedUrls.open(dir)) {
            assertEquals(1, urls.size());
            urls.markPublished("id3", List.of("https://a.example/3"));
        }
        try (PublishedUrls urls = PublishedUrls.open(dir)) {
            assertTrue(urls.contains("https://a.example/3"));
            assertFalse(urls.contains("https://a.exa"));
        }
    }

    @Test
    void twoServicesCannotShareAStateDirectory() throws IOException {
        try (PublishedUrls first = PublishedUrls.open(dir)) {
            IOException e = assertThrows(IOException.class, () -> PublishedUrls.open(dir));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
    }
}
