package io.newswatch.ingest.dedupe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies of the articles published, as fingerprints, so that a copy of one (the same story
 * syndicated to another site, or reachable under another URL) is not published again; the URLs of
 * the copies are recorded on the first article. Kept across restarts in
 * {@code content-fingerprints.tsv} in the state directory:
 * {@code fp<TAB>ID<TAB>SHA256<TAB>MINHASH<TAB>WORDS<TAB>EPOCH-SECONDS} and {@code copy<TAB>ID<TAB>URL} lines
 * (fingerprints written before the time field count as seen when the file is opened).
 *
 * <p>Bounded by age: a fingerprint older than {@code maxAge} is forgotten (a story syndicated weeks later is
 * news again), and the file is rewritten without the forgotten lines when they outnumber the rest. Near copies
 * are looked up through {@link NearCopyIndex}'s bands, not by a scan of every fingerprint. Thread-safe.
 */
public final class SeenContent implements AutoCloseable {
    /** The file name inside the state directory. */
    public static final String FILE = "content-fingerprints.tsv";
    private static final String FINGERPRINT = "fp";
    private static final String COPY = "copy";

    /** Fingerprints are forgotten after this long unless configured ({@code dedupe.max-age}). */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

    private final AppendOnlyLog log;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, String> idBySha = new HashMap<>();
    /** In the order remembered, so the oldest are forgotten first. */
    private final Map<String, Seen> byId = new LinkedHashMap<>();
    private final NearCopyIndex near = new NearCopyIndex();
    private final Map<String, List<String>> copies = new HashMap<>();
    private int copyCount;

    private record Seen(ContentFingerprint fingerprint, Instant at) {}

    /** Whose copy a body is, and how close. */
    public record Duplicate(String articleId, Kind kind) {
        /** Exact: the same words; near: almost the same. */
        public enum Kind { EXACT, NEAR }
    }

    private SeenContent(AppendOnlyLog log, Duration maxAge, Clock clock) {
        this.log = log;
        this.maxAge = maxAge;
        this.clock = clock;
        Instant now = clock.instant();
        for (String[] f : log.linesAtOpen()) {
            if (f[0].equals(FINGERPRINT) && (f.length == 5 || f.length == 6)) {
                Instant at = f.length == 6 ? Instant.ofEpochSecond(Long.parseLong(f[5])) : now;
                add(f[1], new ContentFingerprint(f[2], ContentFingerprint.minHashFrom(f[3]), Integer.parseInt(f[4])), at);
            } else if (f.length == 3 && f[0].equals(COPY)) {
                addCopy(f[1], f[2]);
            }
        }
        forgetOld();
    }

    /** Opens (creating it if needed) the store in {@code stateDir}, remembering for {@link #DEFAULT_MAX_AGE}. */
    public static SeenContent open(Path stateDir) throws IOException {
        return open(stateDir, DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    /**
     * Opens (creating it if needed) the store in {@code stateDir}, remembering bodies for {@code maxAge}; first
     * rewrites the file without forgotten lines when they are most of it.
     */
    public static SeenContent open(Path stateDir, Duration maxAge, Clock clock) throws IOException {
        Path file = stateDir.resolve(FILE);
        SeenContent seen = new SeenContent(AppendOnlyLog.open(file, false), maxAge, clock);
        List<String> live = seen.liveLines();
        if (seen.log.linesAtOpen().size() <= 2 * live.size() + 1_000) return seen;
        seen.close();
        AppendOnlyLog.rewrite(file, live);
        return new SeenContent(AppendOnlyLog.open(file, false), maxAge, clock);
    }

    /** The article already published whose body {@code fingerprint} copies, if any (exact before near). */
    public synchronized Optional<Duplicate> duplicateOf(ContentFingerprint fingerprint) {
        forgetOld();
        String exact = idBySha.get(fingerprint.sha256());
        if (exact != null) return Optional.of(new Duplicate(exact, Duplicate.Kind.EXACT));
        for (String id : near.candidates(fingerprint)) {
            if (byId.get(id).fingerprint().isNear(fingerprint)) return Optional.of(new Duplicate(id, Duplicate.Kind.NEAR));
        }
        return Optional.empty();
    }

    /** Remembers the body of the published article {@code id}. */
    public synchronized void remember(String id, ContentFingerprint fp) throws IOException {
        if (byId.containsKey(id)) return;
        Instant now = clock.instant();
        log.append(List.of(fingerprintLine(id, fp, now)));
        add(id, fp, now);
        forgetOld();
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

    private void add(String id, ContentFingerprint fp, Instant at) {
        if (byId.containsKey(id)) return;
        byId.put(id, new Seen(fp, at));
        idBySha.putIfAbsent(fp.sha256(), id);
        near.add(id, fp);
    }

    /** Forgets the bodies remembered longer ago than {@code maxAge}, oldest first, and their copies. */
    private void forgetOld() {
        Instant cutoff = clock.instant().minus(maxAge);
        Iterator<Map.Entry<String, Seen>> oldest = byId.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Seen> entry = oldest.next();
            if (!entry.getValue().at().isBefore(cutoff)) break;
            String id = entry.getKey();
            ContentFingerprint fp = entry.getValue().fingerprint();
            oldest.remove();
            idBySha.remove(fp.sha256(), id);
            near.remove(id, fp);
            List<String> forgotten = copies.remove(id);
            if (forgotten != null) copyCount -= forgotten.size();
        }
    }

    /** The lines of what is remembered now, as the file holds them. */
    private List<String> liveLines() {
        List<String> lines = new ArrayList<>();
        byId.forEach((id, seen) -> lines.add(fingerprintLine(id, seen.fingerprint(), seen.at())));
        copies.forEach((id, urls) -> urls.forEach(url -> lines.add(String.join("\t", COPY, id, url))));
        return lines;
    }

    private static String fingerprintLine(String id, ContentFingerprint fp, Instant at) {
        return String.join("\t", FINGERPRINT, id, fp.sha256(), fp.minHashText(), Integer.toString(fp.words()),
                Long.toString(at.getEpochSecond()));
    }

    private void addCopy(String id, String url) {
        copies.computeIfAbsent(id, k -> new ArrayList<>()).add(url);
        copyCount++;
    }
}
