package io.newswatch.enrich.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Labelled English documents for {@code bench-ner}, read from CoNLL-2003 columns or JSON Lines.
 *
 * <ul>
 *   <li>CoNLL ({@code token POS chunk tag}, IOB1 or IOB2 tags, blank line between sentences,
 *       {@code -DOCSTART-} between documents): a document's text is its sentences, one a line, tokens
 *       joined by single spaces. The first sentence is the document's headline (Reuters' all-caps
 *       title), passed to the annotator as the service passes an article's title.</li>
 *   <li>JSON Lines {@code {id, text, entities:[{start, end, type}]}}: offsets are Java String
 *       indices, end exclusive; no headline.</li>
 * </ul>
 * Types are PER, ORG, LOC (PERSON, ORGANIZATION, LOCATION accepted); MISC and other types are not
 * scored and are dropped from the truth.
 */
final class NerCorpus {
    static final List<String> TYPES = List.of("PER", "ORG", "LOC");

    private NerCorpus() {}

    /** A document, its headline length (0 when none) and its true PER/ORG/LOC spans. */
    record Doc(String id, String text, int titleEnd, List<Span> truth) {
        /**
         * The fixed half of the data this document is in: tuning when the CRC-32 of its text is even,
         * held-out when odd. Depends only on the document, not on its position in the file.
         */
        boolean heldOut() {
            CRC32 crc = new CRC32();
            crc.update(text.getBytes(StandardCharsets.UTF_8));
            return (crc.getValue() & 1) == 1;
        }

        int words() {
            return text.isBlank() ? 0 : text.strip().split("\\s+").length;
        }
    }

    /** A typed span {@code [start, end)} of a document's text. */
    record Span(String type, int start, int end) {}

    static List<Doc> read(Path file) throws IOException {
        String first = Files.readString(file, StandardCharsets.UTF_8).stripLeading();
        return first.startsWith("{") ? readJsonLines(file) : readConll(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** PER for PERSON and PER, ORG, LOC likewise; null for a type that is not scored. */
    static String type(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "PER", "PERSON" -> "PER";
            case "ORG", "ORGANIZATION", "ORGANISATION" -> "ORG";
            case "LOC", "LOCATION" -> "LOC";
            default -> null;
        };
    }

    private static List<Doc> readJsonLines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode node = json.readTree(line);
            String text = node.path("text").asText();
            List<Span> truth = new ArrayList<>();
            for (JsonNode e : node.path("entities")) {
                String type = type(e.path("type").asText());
                if (type != null) truth.add(new Span(type, e.path("start").asInt(), e.path("end").asInt()));
            }
            docs.add(new Doc(node.path("id").asText(String.valueOf(docs.size() + 1)), text, 0, truth));
        }
        return docs;
    }

    static List<Doc> readConll(List<String> lines) {
        List<Doc> docs = new ArrayList<>();
        ConllDoc doc = new ConllDoc();
        for (String line : lines) {
            if (line.startsWith("-DOCSTART-")) {
                doc.finish(docs);
                doc = new ConllDoc();
            } else if (line.isBlank()) {
                doc.endSentence();
            } else {
                String[] columns = line.trim().split("\\s+");
                doc.add(columns[0], columns[columns.length - 1]);
            }
        }
        doc.finish(docs);
        return docs;
    }

    /** Builds one CoNLL document's text and spans token by token. */
    private static final class ConllDoc {
        private final StringBuilder text = new StringBuilder();
        private final List<Span> truth = new ArrayList<>();
        private boolean lineOpen;
        private int titleEnd = -1;
        private String openType;
        private int openStart;

        void add(String token, String tag) {
            if (lineOpen) text.append(' ');
            else if (!text.isEmpty()) text.append('\n');
            lineOpen = true;
            int start = text.length();
            text.append(token);
            String type = tag.length() > 2 ? tag.substring(2) : null;
            boolean begins = tag.startsWith("B-") || type != null && !type.equals(openType);
            if (type == null || begins) close(start - 1);
            if (type != null && begins) {
                openType = type;
                openStart = start;
            }
        }

        void endSentence() {
            if (!lineOpen) return;
            close(text.length());
            lineOpen = false;
            if (titleEnd < 0) titleEnd = text.length();
        }

        private void close(int end) {
            if (openType != null) {
                String type = type(openType);
                if (type != null) truth.add(new Span(type, openStart, Math.max(openStart, end)));
            }
            openType = null;
        }

        void finish(List<Doc> docs) {
            endSentence();
            if (text.isEmpty()) return;
            boolean oneLine = text.indexOf("\n") < 0;
            docs.add(new Doc(String.valueOf(docs.size() + 1), text.toString(), oneLine ? 0 : titleEnd, truth));
        }
    }
}
