package io.newswatch.ingest.dedupe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies of the articles published, as fingerprints, so that a copy of one (the same story
 * syndicated to another site, or reachable under another URL) is not published again; the URLs of
 * the copies are recorded on the first article. Kept across restarts in
 * {@code content-fingerprints.tsv} in the state directory: {@code fp<TAB>ID<TAB>SHA256<TAB>MINHASH<TAB>WORDS}
 * and {@code copy<TAB>ID<TAB>URL} lines. Near copies are found by a scan of every fingerprint
 * (64 int comparisons each: 100,000 articles take a few milliseconds). Thread-safe.
 */
public final class SeenContent implements AutoCloseable {
    /** The file name inside the state directory. */
    public static final String FILE = "content-fingerprints.tsv";
    private static final String FINGERPRINT = "fp";
    private static final String COPY = "copy";

    private final AppendOnlyLog log;
    private final Map<String, String> idBySha = new HashMap<>();
    private final Map<String, ContentFingerprint> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> copies = new HashMap<>();
    private int copyCount;

    /** Whose copy a body is, and how close. */
    public record Duplicate(String articleId, Kind kind) {
        /** Exact: the same words; near: almost the same. */
        public enum Kind { EXACT, NEAR }
    }

    private SeenContent(AppendOnlyLog log) {
        this.log = log;
        for (String[] f : log.linesAtOpen()) {
            if (f.length == 5 && f[0].equals(FINGERPRINT)) {
                add(f[1], new ContentFingerprint(f[2], ContentFingerprint.minHashFrom(f[3]), Integer.parseInt(f[4])));
            } else if (f.length == 3 && f[0].equals(COPY)) {
                addCopy(f[1], f[2]);
            }
        }
    }

    /** Opens (creating it if needed) the store in {@code stateDir}. */
    public static SeenContent open(Path stateDir) throws IOException {
        return new SeenContent(AppendOnlyLog.open(stateDir.resolve(FILE), false));
    }

    /** The article already published whose body {@code fingerprint} copies, if any (exact before near). */
    public synchronized Optional<Duplicate> duplicateOf(ContentFingerprint fingerprint) {
        String exact = idBySha.get(fingerprint.sha256());
        if (exact != null) return Optional.of(new Duplicate(exact, Duplicate.Kind.EXACT));
        for (Map.Entry<String, ContentFingerprint> seen : byId.entrySet()) {
            if (seen.getValue().isNear(fingerprint)) return Optional.of(new Duplicate(seen.getKey(), Duplicate.Kind.NEAR));
        }
        return Optional.empty();
    }

    /** Remembers the body of the published article {@code id}. */
    public synchronized void remember(String id, ContentFingerprint fp) throws IOException {
        if (byId.containsKey(id)) return;
        log.append(List.of(String.join("\t", FINGERPRINT, id, fp.sha256(), fp.minHashText(),
                Integer.toString(fp.words()))));
        add(id, fp);
    }

    /** Records that {@code url} carries a copy of the article {@code id}. */
    public synchronized void recordCopy(String id, String url) throws IOException {
        if (otherUrls(id).contains(url)) return;
        log.append(List.of(String.join("\t", COPY, id, url.replaceAll("\\s", ""))));
        addCopy(id, url);
    }

    /** The URLs of the copies of the article {@code id}, in the order found. */
    public synchronized List<String> otherUrls(String id) {
        return List.copyOf(copies.getOrDefault(id, List.of()));
    }

    /** How many article bodies are remembered. */
    public synchronized int articles() {
        return byId.size();
    }

    /** How many copies were recorded. */
    public synchronized int copies() {
        return copyCount;
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }

    private void add(String id, ContentFingerprint fp) {
        byId.put(id, fp);
        idBySha.putIfAbsent(fp.sha256(), id);
    }

    private void addCopy(String id, String url) {
        copies.computeIfAbsent(id, k -> new ArrayList<>()).add(url);
        copyCount++;
    }
}
