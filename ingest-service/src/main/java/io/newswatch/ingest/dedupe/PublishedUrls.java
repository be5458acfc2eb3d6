package io.newswatch.ingest.dedupe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, String> idByUrl;

    private PublishedUrls(Path file, FileChannel channel, FileLock lock, Map<String, String> idByUrl) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.idByUrl = idByUrl;
    }

    /** Opens (creating it if needed) the store in {@code stateDir}. */
    public static PublishedUrls open(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = lockOrFail(channel, stateDir);
            return new PublishedUrls(file, channel, lock, load(file, channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
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
        if (!channel.isOpen()) return;
        lock.release();
        channel.close();
    }

    private void append(String status, String id, Collection<String> urls) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String url : urls) {
            if (idByUrl.containsKey(url)) continue;
            lines.append(status).append('\t').append(id).append('\t').append(url.replaceAll("\\s", "")).append('\n');
        }
        if (lines.isEmpty()) return;
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) channel.write(bytes);
        channel.force(false);
        urls.forEach(url -> idByUrl.put(url, id));
    }

    /** Reads the remembered URLs, cutting off a last line a crash left unfinished. */
    private static Map<String, String> load(Path file, FileChannel channel) throws IOException {
        Map<String, String> ids = new HashMap<>();
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String complete = content.substring(0, content.lastIndexOf('\n') + 1);
        if (complete.length() < content.length()) {
            channel.truncate(complete.getBytes(StandardCharsets.UTF_8).length);
        }
        channel.position(channel.size()); // append from here on
        for (String line : complete.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 3 && (fields[0].equals(PUBLISHED) || fields[0].equals(REFUSED))) {
                ids.put(fields[2], fields[1]);
            }
        }
        return ids;
    }

    private static FileLock lockOrFail(FileChannel channel, Path stateDir) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) return lock;
        } catch (OverlappingFileLockException e) {
            // held by this JVM: same answer
        }
        throw new IOException("state directory " + stateDir + " is in use by another ingest-service");
    }
}
