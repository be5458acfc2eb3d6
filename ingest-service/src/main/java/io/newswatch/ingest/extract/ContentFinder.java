package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element that holds the article, readability-style: every paragraph scores its
 * ancestors by its length and commas, the ancestors' scores are discounted by their link density,
 * and the best one wins; siblings that score nearly as well (text split across blocks) join it.
 */
final class ContentFinder {
    private static final String PARAGRAPHS = "p, pre, td, blockquote, div, section, article, li";
    private static final int MIN_PARAGRAPH_CHARS = 25;
    /** Tag names, not selectors: Element.is(selector) walks to the root per call, quadratic on deep pages. */
    private static final Set<String> INLINE = Set.of("span", "a", "em", "strong", "b", "i", "u", "font", "br", "small",
            "sup", "sub", "mark", "abbr", "cite", "q", "time", "code", "s", "del", "ins", "wbr");
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article");
    private static final int ANCESTOR_LEVELS = 5;
    /** A list item counts as a paragraph without links and with a sentence's worth of text (CJK thrice). */
    private static final double MAX_LIST_ITEM_LINKS = 0.01;
    private static final int MIN_LIST_ITEM_WEIGHT = 80;
    /** Candidates scoring this share of the top one are its rivals. */
    private static final double RIVAL_SHARE = 0.75;
    private static final int CLOSE_RIVALS = 3;
    private static final String POSITIVE_WORDS = "article|body|content|entry|hentry|main|page|post|text|blog|story"
            + "|artikel|inhalt|beitrag|contenu|contenido|conteudo|articolo|cuerpo|testo";
    private static final String NEGATIVE_WORDS = "hidden|banner|combx|comment|com-|contact|foot|footer|footnote"
            + "|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping"
            + "|tags|tool|widget";
    /** In class names (and positive words in ids) the words match anywhere, as in Readability ("sharebar"). */
    private static final Pattern POSITIVE_CLASS = Pattern.compile("(?i)" + POSITIVE_WORDS);
    private static final Pattern NEGATIVE_CLASS = Pattern.compile("(?i)" + NEGATIVE_WORDS);
    /**
     * Negative words in ids only as whole words (or plurals): ids are often anchors made from a
     * heading's words ("evolve-shared-mutable-history", "footnotes-and-metadata-explained").
     */
    private static final Pattern NEGATIVE_ID = wholeWords(NEGATIVE_WORDS);

    private final Map<Element, Double> scores = new IdentityHashMap<>();
    private final TextStats stats;

    private ContentFinder(TextStats stats) {
        this.stats = stats;
    }

    /** The elements holding the article in document order, or an empty list when there is no text. */
    static List<Element> find(Element body) {
        return new ContentFinder(TextStats.of(body)).search(body);
    }

    private List<Element> search(Element body) {
        for (Element p : body.select(PARAGRAPHS)) {
            if (isParagraph(p) || isListParagraph(p)) scoreAncestors(p);
        }
        Element top = best();
        if (top == null) return List.of();
        return withSiblings(commonAncestor(top));
    }

    /**
     * A p-like element; a block whose own text nodes carry the text (text with {@code <br>}s); or a
     * block holding only inline elements (a {@code <div><span>text</span></div>} paragraph, as
     * WYSIWYG editors write them).
     */
    private static boolean isParagraph(Element e) {
        if (TEXT_BLOCKS.contains(e.normalName())) return true;
        if (e.nameIs("li")) return false;
        return ownTextLength(e) >= MIN_PARAGRAPH_CHARS || isInlineOnly(e);
    }

    /**
     * A list item that reads like a paragraph: link-poor, with no list inside it. Listicles, recipes
     * and step-by-step guides carry their text in list items, and menus (link lists) do not count.
     */
    private boolean isListParagraph(Element e) {
        return e.nameIs("li") && stats.linkDensity(e) < MAX_LIST_ITEM_LINKS && e.selectFirst("ul, ol") == null
                && DenseText.weight(e.text()) >= MIN_LIST_ITEM_WEIGHT;
    }

    private void scoreAncestors(Element p) {
        String text = CONTAINERS.contains(p.normalName()) && !isInlineOnly(p) ? ownText(p) : p.text();
        if (text.length() < MIN_PARAGRAPH_CHARS) return;
        double score = 1 + commas(text) + Math.min(text.length() / 100, 3);
        Element ancestor = CONTAINERS.contains(p.normalName()) ? p : p.parent();
        for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++, ancestor = ancestor.parent()) {
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            Element scored = ancestor;
            scores.put(scored, scores.computeIfAbsent(scored, ContentFinder::initialScore) + score / divider);
            if (ancestor.nameIs("body")) break;
        }
    }

    private Element best() {
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double score = e.getValue() * (1 - stats.linkDensity(e.getKey()));
            e.setValue(score);
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * The body split over several containers (sections of a long article, text interleaved with
     * figures and asides) makes several candidates score nearly as well as the top one; their
     * closest common ancestor holding at least {@link #CLOSE_RIVALS} of them is the article
     * (Readability's rule). Never climbs to the body: that is the whole page.
     */
    private Element commonAncestor(Element top) {
        double topScore = scores.get(top);
        List<Element> rivals = new ArrayList<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getKey() != top && e.getValue() >= RIVAL_SHARE * topScore) rivals.add(e.getKey());
        }
        if (rivals.size() < CLOSE_RIVALS) return top;
        for (Element ancestor = top.parent(); ancestor != null && !ancestor.nameIs("body"); ancestor = ancestor.parent()) {
            int inside = 0;
            for (Element rival : rivals) {
                if (isAncestor(ancestor, rival)) inside++;
            }
            if (inside >= CLOSE_RIVALS) return ancestor;
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) return true;
        }
        return false;
    }

    /** The top element, plus siblings scoring at least a fifth of it or reading like paragraphs. */
    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) return List.of(top);
        double threshold = Math.max(10, scores.getOrDefault(top, 0.0) * 0.2);
        List<Element> content = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top || scores.getOrDefault(sibling, 0.0) >= threshold || readsLikeParagraph(sibling)) {
                content.add(sibling);
            }
        }
        return content;
    }

    private boolean readsLikeParagraph(Element e) {
        if (!e.nameIs("p")) return false;
        String text = e.text();
        double links = stats.linkDensity(e);
        return (text.length() > 80 && links < 0.25) || (links == 0 && text.matches("(?s).*[.!?]\\W*$"));
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(e);
    }

    private static double classWeight(Element e) {
        return weight(e.className(), NEGATIVE_CLASS, POSITIVE_CLASS) + weight(e.id(), NEGATIVE_ID, POSITIVE_CLASS);
    }

    private static double weight(String name, Pattern negative, Pattern positive) {
        if (name.isEmpty()) return 0;
        double weight = 0;
        if (negative.matcher(name).find()) weight -= 25;
        if (positive.matcher(name).find()) weight += 25;
        return weight;
    }

    static Pattern wholeWords(String words) {
        return Pattern.compile("(?i)(?:^|[\\s_-])(?:" + words + ")s?(?=$|[\\s_-])");
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uff0c' || c == '\u060c' || c == '\u3001') n++;
        }
        return n;
    }

    private static String ownText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (TextNode t : e.textNodes()) sb.append(t.text());
        return sb.toString().strip();
    }

    /** True when {@code e} has children and none of its descendants is a block (iterative: pages nest deep). */
    private static boolean isInlineOnly(Element e) {
        if (e.childrenSize() == 0) return false;
        return e.stream().allMatch(d -> d == e || INLINE.contains(d.normalName())); // lazy: stops at the first block
    }

    private static int ownTextLength(Element e) {
        return ownText(e).length();
    }
}
