package io.newswatch.ingest.fetch;

import io.newswatch.ingest.extract.HtmlParsing;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Document;

/**
 * Reads saved pages, gzip-compressed or not, with the charset the page declares. A page is read up
 * to {@link #MAX_PAGE_BYTES} (decompressed): a larger one, such as a zip bomb, fails with an
 * {@link IOException} saying so rather than filling the heap.
 */
public final class SavedPages {
    /** The most bytes a saved page may hold once decompressed; ten times the default fetch.max-body-bytes. */
    public static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;
    private static final int GZIP_MAGIC = 0x1f8b;

    private SavedPages() {}

    /** The page in {@code file}; {@code url} (may be null) resolves its relative links. */
    public static Document read(Path file, String url) throws IOException {
        byte[] page;
        try (InputStream in = new Capped(open(file), file)) {
            page = in.readAllBytes();
        }
        return HtmlParsing.parse(page, null, url == null ? "" : url);
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int magic = (in.read() << 8) | in.read();
        in.reset();
        return magic == GZIP_MAGIC ? new GZIPInputStream(in) : in;
    }

    /** Fails the read once more than {@link #MAX_PAGE_BYTES} came through. */
    private static final class Capped extends FilterInputStream {
        private final Path file;
        private long count;

        Capped(InputStream in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            count += n;
            if (count > MAX_PAGE_BYTES) {
                throw new IOException(file + ": page larger than " + MAX_PAGE_BYTES / (1024 * 1024)
                        + " MB once decompressed (a zip bomb?); not read");
            }
        }
    }
}
