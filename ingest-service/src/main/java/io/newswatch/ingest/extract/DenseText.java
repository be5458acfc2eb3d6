package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A second, container-free reading of the page, the way jusText and trafilatura's fallback read
 * it: every line of the cleaned page is classified on its own (long and link-poor lines are prose,
 * link-heavy lines are chrome), and the short lines between prose (subheadings, list items, short
 * paragraphs) take the class of their neighbours. It does not care how the page splits its text
 * over containers, so it finds the article where the container search picked one piece of it.
 */
final class DenseText {
    /** A line this long (CJK characters count thrice: they carry a word each) and link-poor is prose. */
    private static final int PROSE_WEIGHT = 80;
    private static final double PROSE_MAX_LINK_SHARE = 0.25;
    /** A line mostly of links is chrome whatever its length. */
    private static final double CHROME_LINK_SHARE = 0.5;

    private enum Kind { PROSE, SHORT, CHROME }

    private DenseText() {}

    /** The prose of the cleaned {@code body}, one block per line. */
    static String of(Element body) {
        List<Paragraphs.Block> blocks = Paragraphs.blocks(List.of(body));
        List<Kind> kinds = new ArrayList<>(blocks.size());
        for (Paragraphs.Block b : blocks) kinds.add(kind(b));
        Kind[] before = nearest(kinds, true);
        Kind[] after = nearest(kinds, false);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (kinds.get(i) == Kind.PROSE || kinds.get(i) == Kind.SHORT && after[i] == Kind.PROSE
                    && (before[i] == Kind.PROSE || blocks.get(i).heading())) {
                kept.add(blocks.get(i).text());
            }
        }
        return String.join("\n", kept);
    }

    private static Kind kind(Paragraphs.Block b) {
        double links = b.linkShare();
        if (links >= CHROME_LINK_SHARE) return Kind.CHROME;
        return weight(b.text()) >= PROSE_WEIGHT && links < PROSE_MAX_LINK_SHARE ? Kind.PROSE : Kind.SHORT;
    }

    /**
     * For every line, the kind of the nearest line before it (or after it) that is not short. A
     * short line belongs to the article when the lines on both sides are prose; a subheading needs
     * only the prose that follows it.
     */
    private static Kind[] nearest(List<Kind> kinds, boolean before) {
        int n = kinds.size();
        Kind[] nearest = new Kind[n];
        Kind last = null;
        for (int k = 0; k < n; k++) {
            int i = before ? k : n - 1 - k;
            nearest[i] = last;
            if (kinds.get(i) != Kind.SHORT) last = kinds.get(i);
        }
        return nearest;
    }

    /** Text length with CJK characters counted thrice, so a Chinese or Japanese sentence weighs like an English one. */
    static int weight(String text) {
        int weight = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '\u2e80') { // below the CJK blocks
                weight++;
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            boolean cjk = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
            weight += cjk ? 3 : 1;
        }
        return weight;
    }
}
