package io.newswatch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesFileTest {
    private static final Duration DEFAULT_POLL = Duration.ofMinutes(5);

    @Test
    void readsSourcesWithDefaults() throws IOException {
        List<Source> sources = parse("""
                sources:
                  - name: sample-news          # becomes RawArticle.source
                    type: feed
                    url: http://127.0.0.1:8090/feed.xml
                    poll: 30s
                    allowPrivate: true
                  - name: civil.ge
                    type: FEED
                    url: https://civil.ge/feed
                """);

        assertEquals(List.of(
                new Source("sample-news", SourceType.FEED, URI.create("http://127.0.0.1:8090/feed.xml"),
                        Duration.ofSeconds(30), true),
                new Source("civil.ge", SourceType.FEED, URI.create("https://civil.ge/feed"), DEFAULT_POLL, false)),
                sources);
    }

    @Test
    void aBadFieldIsReportedWithItsLineAndName() {
        InvalidSourcesException e = assertThrows(InvalidSourcesException.class, () -> parse("""
                sources:
                  - name: ok
                    type: feed
                    url: https://ok.example/feed
                  - name: broken
                    type: feed
                    url: not-a-url
                """));

        assertTrue(e.getMessage().startsWith("test.yml, line "), e.getMessage());
        assertTrue(e.getMessage().contains("url: 'not-a-url' is not an absolute http(s) URL"), e.getMessage());
        assertTrue(e.line() >= 5, e.getMessage());
    }

    @Test
    void unknownTypesFieldsAndMissingFieldsAreNamed() {
        assertMessage("type: unknown source type 'blog' (known: feed, sitemap, section, page, files)",
                "sources:\n  - name: a\n    type: blog\n    url: https://a.example/\n");
        assertMessage("linkPattern: is required for a section source",
                "sources:\n  - name: a\n    type: section\n    url: https://a.example/\n");
        assertMessage("linkPattern: not a valid regular expression",
                "sources:\n  - name: a\n    type: section\n    url: https://a.example/\n    linkPattern: '/news/(x+'\n");
        assertMessage("path: is required for a files source", "sources:\n  - name: a\n    type: files\n");
        assertMessage("unknown field 'interval'",
                "sources:\n  - name: a\n    type: feed\n    url: https://a.example/\n    interval: 5m\n");
        assertMessage("url: is required", "sources:\n  - name: a\n    type: feed\n");
        assertMessage("poll: 'soon' is not a positive duration",
                "sources:\n  - name: a\n    type: feed\n    url: https://a.example/\n    poll: soon\n");
        assertMessage("name: 'a' is used by two sources",
                "sources:\n  - {name: a, type: feed, url: 'https://a.example/'}\n"
                        + "  - {name: a, type: feed, url: 'https://b.example/'}\n");
    }

    @Test
    void readsEveryKindOfSourceWithFilePathsRelativeToTheSourcesFile() throws IOException {
        Path base = Path.of("/data/newswatch");
        List<Source> sources = SourcesFile.parse(new ByteArrayInputStream("""
                sources:
                  - {name: apa, type: sitemap, url: 'https://apa.az/sitemap-news.xml'}
                  - {name: civilnet, type: section, url: 'https://www.civilnet.am/en/news/', linkPattern: '/en/news/\\d+/'}
                  - {name: one, type: page, url: 'https://civil.ge/archives/1'}
                  - {name: archive, type: files, path: backfill/2024}
                """.getBytes(StandardCharsets.UTF_8)), "test.yml", DEFAULT_POLL, base);

        assertEquals(List.of(SourceType.SITEMAP, SourceType.SECTION, SourceType.PAGE, SourceType.FILES),
                sources.stream().map(Source::type).toList());
        assertEquals("/en/news/\\d+/", sources.get(1).linkPattern());
        assertTrue(sources.get(1).links().matcher("https://www.civilnet.am/en/news/812345/x").find());
        assertEquals(base.resolve("backfill/2024").toUri(), sources.get(3).url());
    }

    @Test
    void theDiffOfTwoVersionsNamesWhatWasAddedRemovedAndChanged() {
        Source a = new Source("a", SourceType.FEED, URI.create("https://a.example/feed"), DEFAULT_POLL, false);
        Source b = new Source("b", SourceType.FEED, URI.create("https://b.example/feed"), DEFAULT_POLL, false);
        Source b2 = new Source("b", SourceType.FEED, URI.create("https://b.example/feed"), Duration.ofMinutes(1), false);
        Source c = new Source("c", SourceType.PAGE, URI.create("https://c.example/1"), DEFAULT_POLL, false);

        SourcesDiff diff = SourcesDiff.between(List.of(a, b), List.of(b2, c));

        assertEquals("added [c], removed [a], changed [b]", diff.toString());
        assertTrue(SourcesDiff.between(List.of(a), List.of(a)).isEmpty());
    }

    @Test
    void theBundledDefaultsAreValidAndRefusePrivateAddresses() {
        List<Source> sources = SourcesFile.loadDefault(DEFAULT_POLL);

        assertFalse(sources.isEmpty());
        assertTrue(sources.stream().noneMatch(Source::allowPrivate));
    }

    private static void assertMessage(String expected, String yaml) {
        InvalidSourcesException e = assertThrows(InvalidSourcesException.class, () -> parse(yaml));
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    private static List<Source> parse(String yaml) throws IOException {
        return SourcesFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml",
                DEFAULT_POLL);
    }
}
