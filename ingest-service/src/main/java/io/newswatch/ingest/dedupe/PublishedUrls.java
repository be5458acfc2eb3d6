package io.newswatch.ingest.dedupe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical URLs ingest-service is done with, kept across restarts so nothing is published
 * twice: those published (with the article id) and those refused for good (a 404, not HTML).
 *
 * <p>An append-only file, {@code published-urls.tsv} in the state directory, one
 * {@code STATUS<TAB>ID<TAB>URL} line per URL, forced to disk before a mark returns; read whole at
 * start. A line cut short by a crash is ignored. A lock file keeps two services off the same
 * directory. Thread-safe.
 */
public final class PublishedUrls implements AutoCloseable {
    /** The file name inside the state directory. */
    public static final String FILE = "published-urls.tsv";
    private static final String PUBLISHED = "published";
    private static final String REFUSED = "refused";
    private static final String NO_ID = "-";

    private final Path file;
    private final AppendOnlyLog log;
    private final Map<String, String> idByUrl = new HashMap<>();

    private PublishedUrls(Path file, AppendOnlyLog log) {
        this.file = file;
        this.log = log;
        for (String[] fields : log.linesAtOpen()) {
            if (fields.length == 3 && (fields[0].equals(PUBLISHED) || fields[0].equals(REFUSED))) {
                idByUrl.put(fields[2], fields[1]);
            }
        }
    }

    /** Opens (creating it if needed) the store in {@code stateDir}. */
    public static PublishedUrls open(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE);
        return new PublishedUrls(file, AppendOnlyLog.open(file, true));
    }

    /** True when {@code canonicalUrl} was published or refused for good. */
    public synchronized boolean contains(String canonicalUrl) {
        return idByUrl.containsKey(canonicalUrl);
    }

    /** Remembers that the article {@code id} was published under each of {@code canonicalUrls}. */
    public synchronized void markPublished(String id, Collection<String> canonicalUrls) throws IOException {
        append(PUBLISHED, id, canonicalUrls);
    }

    /** Remembers that {@code canonicalUrl} will never give an article (so it is not fetched again). */
    public synchronized void markRefused(String canonicalUrl) throws IOException {
        append(REFUSED, NO_ID, List.of(canonicalUrl));
    }

    /** How many URLs are remembered. */
    public synchronized int size() {
        return idByUrl.size();
    }

    /** The file the URLs are kept in. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }

    private void append(String status, String id, Collection<String> urls) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String url : urls) {
            if (!idByUrl.containsKey(url)) lines.add(status + '\t' + id + '\t' + url.replaceAll("\\s", ""));
        }
        log.append(lines);
        urls.forEach(url -> idByUrl.put(url, id));
    }
}
