package io.newswatch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        assertMessage("type: unknown source type 'sitemap' (known: feed)",
                "sources:\n  - name: a\n    type: sitemap\n    url: https://a.example/\n");
        assertMessage("unknown field 'interval'",
                "sources:\n  - name: a\n    type: feed\n    url: https://a.example/\n    interval: 5m\n");
        assertMessage("'url'", "sources:\n  - name: a\n    type: feed\n");
        assertMessage("poll: 'soon' is not a positive duration",
                "sources:\n  - name: a\n    type: feed\n    url: https://a.example/\n    poll: soon\n");
        assertMessage("name: 'a' is used by two sources",
                "sources:\n  - {name: a, type: feed, url: 'https://a.example/'}\n"
                        + "  - {name: a, type: feed, url: 'https://b.example/'}\n");
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
