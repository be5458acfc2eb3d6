package io.newswatch.ingest.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://news.example/a?utm_source=rss&utm_medium=feed                | https://news.example/a",
        "https://news.example/a?id=7&fbclid=IwAR0x&gclid=abc#comments        | https://news.example/a?id=7",
        "HTTPS://News.Example:443/Path/Story?page=2&utm_campaign=x           | https://news.example/Path/Story?page=2",
        "http://news.example:80                                             | http://news.example/",
        "http://news.example:8090/feed.xml?b=2&a=1                           | http://news.example:8090/feed.xml?b=2&a=1",
        "https://news.example/a?mc_cid=1&mc_eid=2&_ga=3&yclid=4&msclkid=5    | https://news.example/a",
    })
    void removesTrackingAndFragmentsAndKeepsWhatMatters(String url, String canonical) {
        assertEquals(canonical, CanonicalUrl.of(url));
    }

    @ParameterizedTest
    @CsvSource({"ftp://news.example/a", "/relative/path", "not a url at all"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThrows(IllegalArgumentException.class, () -> CanonicalUrl.of(url));
    }
}
