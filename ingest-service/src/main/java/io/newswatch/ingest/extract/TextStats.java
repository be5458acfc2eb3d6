package io.newswatch.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text and link-text lengths of every element under a root, counted in one pass, so that link
 * density costs no more than a lookup. A snapshot: removing elements later does not update it.
 */
final class TextStats {
    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    private TextStats() {}

    /** Counts the text under {@code root}. */
    static TextStats of(Element root) {
        TextStats stats = new TextStats();
        NodeTraversor.traverse(stats.new Counter(), root);
        return stats;
    }

    /** Characters of text inside {@code e} (whitespace runs count as one). */
    int textLength(Element e) {
        return get(e)[0];
    }

    /** The share of {@code e}'s text inside links, 0 for an element without text. */
    double linkDensity(Element e) {
        int[] c = get(e);
        return c[0] == 0 ? 0 : Math.min(1.0, (double) c[1] / c[0]);
    }

    private int[] get(Element e) {
        int[] c = counts.get(e);
        return c == null ? new int[2] : c;
    }

    private final class Counter implements NodeVisitor {
        private int linkDepth;
        private int headingDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                counts.put(e, new int[2]);
                if (Paragraphs.isLinkOut(e, headingDepth)) linkDepth++;
                if (Paragraphs.HEADINGS.contains(e.normalName())) headingDepth++;
            } else if (node instanceof TextNode t && node.parent() instanceof Element parent) {
                int length = t.text().strip().length();
                int[] c = counts.get(parent);
                if (c != null) {
                    c[0] += length;
                    if (linkDepth > 0) c[1] += length;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (Paragraphs.HEADINGS.contains(e.normalName())) headingDepth--;
                if (Paragraphs.isLinkOut(e, headingDepth)) linkDepth--;
                if (e.parent() != null && counts.get(e.parent()) != null) {
                    int[] mine = counts.get(e);
                    int[] parent = counts.get(e.parent());
                    parent[0] += mine[0];
                    parent[1] += mine[1];
                }
            }
        }
    }
}
