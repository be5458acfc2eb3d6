package io.newswatch.ingest.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Reads saved pages, gzip-compressed or not, with the charset the page declares. */
public final class SavedPages {
    private static final int GZIP_MAGIC = 0x1f8b;

    private SavedPages() {}

    /** The page in {@code file}; {@code url} (may be null) resolves its relative links. */
    public static Document read(Path file, String url) throws IOException {
        try (InputStream in = open(file)) {
            return Jsoup.parse(in, null, url == null ? "" : url);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int magic = (in.read() << 8) | in.read();
        in.reset();
        return magic == GZIP_MAGIC ? new GZIPInputStream(in) : in;
    }
}
