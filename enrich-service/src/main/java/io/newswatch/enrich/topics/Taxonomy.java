package io.newswatch.enrich.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editable topic taxonomy ({@code topics/taxonomy.txt}): topics with stable slugs and their
 * keyword/phrase rules in several languages. See the file's header for the format.
 *
 * @param labels  slug to human label, in file order
 * @param phrases every rule of every topic
 * @param version a fingerprint of the file's content, recorded on enriched articles
 */
public record Taxonomy(Map<String, String> labels, List<Phrase> phrases, String version) {
    /** The classpath resource of the bundled taxonomy. */
    public static final String BUNDLED = "/topics/taxonomy.txt";
    private static final Pattern TOPIC = Pattern.compile("\\[([a-z0-9]+(?:-[a-z0-9]+)*)]\\s*(.*)");
    private static final Pattern RULES = Pattern.compile("([a-z]{2}):\\s*(.+)");

    public Taxonomy {
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        phrases = List.copyOf(phrases);
    }

    /** The taxonomy shipped with enrich-service. */
    public static Taxonomy bundled() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is not on the classpath");
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    /** Parses the taxonomy format; a line it does not understand is an error naming the line. */
    public static Taxonomy read(String content) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        List<Phrase> phrases = new ArrayList<>();
        BufferedReader in = new BufferedReader(new java.io.StringReader(content));
        String topic = null;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            Matcher header = TOPIC.matcher(trimmed);
            Matcher rules = RULES.matcher(trimmed);
            if (header.matches()) {
                topic = header.group(1);
                if (labels.put(topic, header.group(2).isBlank() ? topic : header.group(2)) != null) {
                    throw new IllegalArgumentException("taxonomy line " + number + ": topic [" + topic + "] twice");
                }
            } else if (rules.matches() && topic != null) {
                addPhrases(topic, rules.group(1), rules.group(2), number, phrases);
            } else {
                throw new IllegalArgumentException("taxonomy line " + number
                        + " is neither \"[slug] Label\" nor \"lang: phrase | phrase\" under a topic: " + line);
            }
        }
        return new Taxonomy(labels, phrases, "taxonomy-" + fingerprint(content));
    }

    private static void addPhrases(String topic, String language, String list, int number, List<Phrase> phrases) {
        for (String phrase : list.split("\\|")) {
            List<String> words = TopicTagger.words(phrase.toLowerCase(Locale.ROOT));
            try {
                phrases.add(new Phrase(topic, language, words));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("taxonomy line " + number + ": " + e.getMessage(), e);
            }
        }
    }

    private static String fingerprint(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
