package io.newswatch.enrich.testing;

import io.newswatch.events.LeadImage;
import io.newswatch.events.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Raw articles for tests. */
public final class Articles {
    public static final Instant SEEN = Instant.parse("2026-11-20T08:00:00Z");

    private Articles() {}

    /** An article at {@code url} with this title and body, no declared language. */
    public static RawArticle raw(String url, String title, String text) {
        return RawArticle.of(url, url, "azatutyun.am", title, List.of("Staff"), SEEN, null, SEEN, null, text);
    }

    /** A typical English article about Pashinyan. */
    public static RawArticle pashinyanArticle(String url) {
        return raw(url, "Pashinyan says the peace treaty is ready",
                "Armenian Prime Minister Nikol Pashinyan told reporters in Yerevan that the text of the peace "
                        + "treaty with Azerbaijan is ready and could be signed by the end of the year.");
    }

    /**
     * The seed article (RFE/RL, Putin in Baku) from {@code /seed/putin-baku-peace-process.txt}: header lines
     * {@code key: value} (title, caption, image...), a {@code ---} line, then the body.
     */
    public static RawArticle seed() {
        String[] parts = resource("/seed/putin-baku-peace-process.txt").split("\n---\n", 2);
        Map<String, String> header = new HashMap<>();
        for (String line : parts[0].split("\n")) {
            String[] keyValue = line.split(":\\s*", 2);
            header.put(keyValue[0], keyValue[1]);
        }
        String url = "https://www.rferl.org/a/putin-baku-peace-process/33084425.html";
        return raw(url, header.get("title"), parts[1].strip())
                .withLeadImage(new LeadImage("https://www.rferl.org" + header.get("image"), header.get("caption")));
    }

    private static String resource(String name) {
        try (InputStream in = Articles.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is not on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
