package io.newswatch.ingest.dedupe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an article body says, reduced to two fingerprints: a SHA-256 of its words (lower case,
 * punctuation and spacing ignored) for exact copies, and a MinHash of its three-word shingles for
 * near copies (a syndicated story with another dateline, lead-in or trailer). MinHash estimates
 * the Jaccard similarity of the shingle sets; it was chosen over SimHash because news bodies are
 * short, where SimHash's bit distance is noisy.
 *
 * @param sha256  hex SHA-256 of the words joined by single spaces
 * @param minHash the {@value #HASHES} minimum shingle hashes, one per hash function
 * @param words   how many words the body has
 */
public record ContentFingerprint(String sha256, int[] minHash, int words) {
    /** Bodies shorter than this are compared exactly only: a few shared words say little. */
    public static final int MIN_WORDS_FOR_NEAR = 50;
    /** Least estimated Jaccard similarity of the shingles of two near copies. */
    public static final double NEAR_SIMILARITY = 0.6;
    static final int HASHES = 64;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 3;

    public ContentFingerprint {
        if (minHash.length != HASHES) throw new IllegalArgumentException("minHash: " + HASHES + " values expected");
        minHash = minHash.clone();
    }

    /** The fingerprint of {@code text}. */
    public static ContentFingerprint of(String text) {
        List<String> words = words(text);
        return new ContentFingerprint(sha256(String.join(" ", words)), minHash(words), words.size());
    }

    /** True when {@code other} is almost the same text: both long enough and similar enough. */
    public boolean isNear(ContentFingerprint other) {
        return words >= MIN_WORDS_FOR_NEAR && other.words >= MIN_WORDS_FOR_NEAR
                && similarity(other) >= NEAR_SIMILARITY;
    }

    /** The estimated Jaccard similarity of the two shingle sets, 0 to 1. */
    public double similarity(ContentFingerprint other) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (minHash[i] == other.minHash[i]) same++;
        }
        return same / (double) HASHES;
    }

    /** The MinHash as Base64, for the state file. */
    String minHashText() {
        ByteBuffer bytes = ByteBuffer.allocate(HASHES * Integer.BYTES);
        for (int h : minHash) bytes.putInt(h);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Reads {@link #minHashText()}. */
    static int[] minHashFrom(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text));
        int[] minHash = new int[HASHES];
        for (int i = 0; i < HASHES; i++) minHash[i] = bytes.getInt();
        return minHash;
    }

    @Override
    public int[] minHash() {
        return minHash.clone();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) words.add(m.group());
        return words;
    }

    private static int[] minHash(List<String> words) {
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long base = hash64(String.join(" ", words.subList(i, i + SHINGLE)));
            for (int k = 0; k < HASHES; k++) {
                long h = mix(base + k * 0x9e3779b97f4a7c15L) >>> 1; // non-negative, so that MAX_VALUE is "none"
                if (h < min[k]) min[k] = h;
            }
        }
        int[] minHash = new int[HASHES];
        for (int k = 0; k < HASHES; k++) minHash[k] = (int) min[k];
        return minHash;
    }

    /** FNV-1a over the UTF-8 bytes, then mixed so that every bit depends on every byte. */
    private static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The murmur3 64-bit finaliser. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
