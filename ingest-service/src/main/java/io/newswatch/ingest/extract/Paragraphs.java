package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the article's elements into text: one line per block (paragraph, subheading, list item,
 * quote), whitespace normalised, leaving out the headline and lines that are mostly links.
 */
final class Paragraphs implements NodeVisitor {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol",
            "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th",
            "br", "hr", "header", "footer", "aside", "address", "center", "figure", "details", "summary");
    static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final double MAX_LINK_SHARE = 0.5;

    /** One line of text: a block's text and how many of its characters sit inside links. */
    record Block(String text, int linkChars, boolean heading) {
        double linkShare() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }
    }

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private int lineLinkChars;
    private int headingDepth;
    private int linkDepth;
    private int skipDepth;

    private Paragraphs() {}

    /** The text of {@code elements}, one paragraph per line, without the lines that are mostly links. */
    static String of(List<Element> elements) {
        List<String> lines = new ArrayList<>();
        for (Block b : blocks(elements)) {
            if (b.linkShare() <= MAX_LINK_SHARE) lines.add(b.text());
        }
        return String.join("\n", lines);
    }

    /** Every non-empty line of {@code elements} in document order, the headline left out. */
    static List<Block> blocks(List<Element> elements) {
        Paragraphs p = new Paragraphs();
        for (Element e : elements) {
            NodeTraversor.traverse(p, e);
            p.flush();
        }
        return p.blocks;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            if (skipDepth == 0) append(text.text());
        } else if (node instanceof Element e) {
            if (BLOCKS.contains(e.normalName())) flush();
            if (e.nameIs("h1")) skipDepth++;
            if (isLinkOut(e, headingDepth)) linkDepth++;
            if (HEADINGS.contains(e.normalName())) headingDepth++;
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            if (BLOCKS.contains(e.normalName())) flush();
            if (e.nameIs("h1")) skipDepth--;
            if (HEADINGS.contains(e.normalName())) headingDepth--;
            if (isLinkOut(e, headingDepth)) linkDepth--;
        }
    }

    /**
     * A link, unless it is a heading's link to an anchor on the same page ({@code <h2><a href="#setup">}):
     * documentation and long-form pages link their section headings to themselves, and such a
     * heading is the article's, not a menu's.
     */
    static boolean isLinkOut(Element e, int headingDepth) {
        return e.nameIs("a") && !(headingDepth > 0 && e.attr("href").startsWith("#"));
    }

    private void append(String text) {
        line.append(text);
        if (linkDepth > 0) lineLinkChars += text.strip().length();
    }

    private void flush() {
        String text = line.toString().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) blocks.add(new Block(text, Math.min(lineLinkChars, text.length()), headingDepth > 0));
        line.setLength(0);
        lineLinkChars = 0;
    }
}
