package io.newswatch.ingest.extract;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Removes what is not article text from a page before the content is looked for: scripts and
 * media, navigation, share widgets, comments, "related" and "see also" boxes, newsletter and
 * cookie banners, captions, footers, and short blocks that are mostly links. Generic rules only:
 * tags, ARIA roles, and words in class names and ids.
 */
final class Boilerplate {
    private static final String ALWAYS_REMOVED = "script, style, noscript, template, " + HtmlParsing.RENAMED_TEMPLATE
            + ", iframe, svg, canvas, object,"
            + " embed, video, audio, map, button, input, select, textarea, label, dialog, figure, figcaption,"
            + " picture, img, [hidden], [aria-hidden=true][role], [style~=(?i)display:\\s*none],"
            + " [style~=(?i)visibility:\\s*hidden]";
    private static final String CHROME_TAGS = "nav, aside, footer, header, form, menu";
    private static final String CHROME_ROLES = "[role~=(?i)^(navigation|banner|contentinfo|complementary|search"
            + "|menu|menubar|toolbar|dialog|alertdialog)$]";
    /** Short words in class names and ids that mark chrome, matched as whole words of a name. */
    private static final String CHROME_WORDS = "nav|menu|ad|ads|adv|tags?|byline|author|meta|print|rss|promo"
            + "|pager|popup|modal|toolbar|masthead|header|footer|sidebar|banner|caption|credit|credits|sr-only|visually-hidden";
    /**
     * Longer words and stems (those ending in {@code [a-z]*}) that mark chrome; in class names they
     * also match as prefixes ("sharebar").
     */
    private static final String CHROME_STEMS = "navbar|navigation|breadcrumb|share|sharing|social|comment|disqus"
            + "|related|recommend[a-z]*|see-?also|read-?more|more-?stories|most-?(?:read|popular)|trending"
            + "|newsletter|subscri[a-z]*|signup|sign-up|cookie|consent|gdpr|advert[a-z]*|sponsor[a-z]*|widget"
            + "|outbrain|taboola|pagination|jump-?link|skip-?link|audio-?player|video-?player|gallery|slideshow"
            + "|photo-?credit|image-?credit|copyright|login|paywall|teaser-?list|tooltip|dropdown"
            // German, French, Spanish, Italian: ads, sharing, comments, recommendations, "more on this"
            + "|werbung|anzeige|teilen|kommentar[a-z]*|empfehl[a-z]*|lesetipp|mehr-?zum-?thema|partage"
            + "|publicit[a-z]*|compartir|comentario[a-z]*|relacionad[a-z]*|correlat[a-z]*";
    /** Chrome words in class names: stylesheet names compound words ("sharebar", "commentlist"). */
    private static final Pattern CHROME_CLASS = Pattern.compile("(?i)(?:^|[\\s_-])(?:(?:" + CHROME_WORDS
            + ")(?=$|[\\s_-])|" + CHROME_STEMS + ")");
    /**
     * Chrome words in ids, as whole words or plurals only: ids are often anchors made
     * from a heading's words, where "evolve-shared-mutable-history" is a section, not a share bar.
     */
    private static final Pattern CHROME_ID = Pattern.compile("(?i)(?:^|[\\s_-])(?:" + CHROME_WORDS + "|(?:"
            + CHROME_STEMS + ")s?)(?=$|[\\s_-])");
    /** Words in class names and ids that mark the article; such an element is never removed by name. */
    private static final Pattern CONTENT_NAME = Pattern.compile(
            "(?i)article|content|main|body|story|entry|post-?text|text|column"
            + "|artikel|inhalt|beitrag|contenu|contenido|conteudo|articolo|cuerpo|testo");
    /**
     * Class or id tokens of a comment section. Comments are never the article, however long they
     * run (a short post with a long thread), so these go whatever their size.
     */
    private static final Pattern COMMENT_SECTION = Pattern.compile(
            "(?i)(?:^|\\s)(?:comments|comment-?list|comments?-(?:area|section|wrapper|container|thread)|disqus_thread"
            + "|respond)(?=$|\\s)");
    private static final Pattern CHROME_ARIA = Pattern.compile(
            "(?i)share|navigation|breadcrumb|related|comments|social|advert[a-z]*");
    /** The opening words of "see also" / "read more" boxes, in the languages of the region. */
    static final Pattern BOX_HEADING = Pattern.compile("(?iu)^\\W*(?:see also|read more|read also|also read"
            + "|related(?: articles| stories| news| content| coverage| topics)?|more on (?:this|the)\\b.*"
            + "|more from\\b.*|more stories|you may also like|you might also like|recommended(?: for you)?"
            + "|most (?:read|popular|viewed)|trending(?: now)?|further reading|latest news|top stories"
            + "|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|das könnte sie auch interessieren|weitere artikel"
            + "|(?:à )?lire aussi|voir aussi|sur le même sujet|lee también|te puede interesar|noticias relacionadas"
            + "|leggi anche|leia também|veja também|lees ook"
            + "|читайте также|смотрите также|по теме|также читайте|ayrıca bakınız|ilgili haberler"
            + "|նաև կարդացեք|ასევე წაიკითხეთ)\\W*$");
    private static final Pattern ADVERT_LABEL = Pattern.compile(
            "(?i)^\\W*(?:advertisement|advertising|sponsored|ad|story continues below(?: advertisement)?"
            + "|continue reading(?: below| the main story)?|skip advertisement"
            + "|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|реклама)\\W*$");
    private static final int BOX_MAX_CHARS = 600;
    private static final int MAX_LEAF_ELEMENTS = 32;
    private static final Set<String> LISTS = Set.of("ul", "ol", "dl");
    private static final int LINK_BLOCK_MAX_CHARS = 400;

    private final Element body;
    private final int bodyChars;

    private Boilerplate(Element body) {
        this.body = body;
        this.bodyChars = Math.max(1, body.text().length());
    }

    /**
     * Removes the chrome from {@code body} in place; {@code byName} also removes elements whose
     * class name or id marks them as chrome.
     */
    static void strip(Element body, boolean byName) {
        Boilerplate b = new Boilerplate(body);
        body.select(ALWAYS_REMOVED).remove();
        b.removeUnlessMostOfPage(body.select(CHROME_TAGS + ", " + CHROME_ROLES));
        b.removeCommentSections();
        if (byName) b.removeChromeByName();
        b.removeBoxes();
        b.removeAdvertLabels();
        b.removeLinkLists();
    }

    private void removeUnlessMostOfPage(Elements candidates) {
        for (Element e : candidates) {
            if (attached(e) && e.text().length() < bodyChars / 2) e.remove();
        }
    }

    private void removeChromeByName() {
        for (Element e : body.select("[class], [id], [aria-label]")) {
            if (e == body || !isChromeName(e) || !attached(e)) continue;
            if (e.text().length() < bodyChars / 2) e.remove();
        }
    }

    private void removeCommentSections() {
        for (Element e : body.select("[class], [id]")) {
            if (e != body && attached(e) && isCommentSection(e)) e.remove();
        }
    }

    private static boolean isCommentSection(Element e) {
        return COMMENT_SECTION.matcher(e.className()).find() || COMMENT_SECTION.matcher(e.id()).find();
    }

    private static boolean isChromeName(Element e) {
        String names = e.className() + " " + e.id();
        if (CHROME_ARIA.matcher(e.attr("aria-label")).find()) return true;
        boolean chrome = CHROME_CLASS.matcher(e.className()).find() || CHROME_ID.matcher(e.id()).find();
        return chrome && !CONTENT_NAME.matcher(names).find();
    }

    /** A short heading or line saying "see also" or "read more" takes its small box with it. */
    private void removeBoxes() {
        for (Element e : body.select("h1, h2, h3, h4, h5, h6, p, strong, b, span, div, li, dt")) {
            if (!isLeaf(e) || !attached(e)) continue; // a box heading is a leaf, not a container
            String text = e.text();
            if (text.length() > 80 || !BOX_HEADING.matcher(text).matches()) continue;
            Element box = e;
            while (box.parent() != null && box.parent() != body && box.parent().text().length() < BOX_MAX_CHARS) {
                box = box.parent();
            }
            removeFollowingList(box);
            box.remove();
        }
    }

    private static void removeFollowingList(Element heading) {
        Element next = heading.nextElementSibling();
        boolean list = next != null && (next.nameIs("ul") || next.nameIs("ol"));
        if (list && TextStats.of(next).linkDensity(next) > 0.5) next.remove();
    }

    private void removeAdvertLabels() {
        for (Element e : body.select("div, p, span, section, aside")) {
            if (!isLeaf(e) || !attached(e)) continue; // a label is a leaf
            String text = e.text();
            if (text.length() < 60 && ADVERT_LABEL.matcher(text).matches()) e.remove();
        }
    }

    /**
     * Lists of links are menus; short link-dense blocks are teasers and tag clouds. Outer blocks
     * are judged first, so the counts taken before any removal stay exact for what is judged.
     */
    private void removeLinkLists() {
        TextStats stats = TextStats.of(body);
        for (Element e : body.select("ul, ol, dl, div, section, table, p")) {
            if (stats.linkDensity(e) <= 0.5 || !attached(e)) continue;
            if (LISTS.contains(e.normalName()) || stats.textLength(e) < LINK_BLOCK_MAX_CHARS) e.remove();
        }
    }

    /**
     * At most two children and a few descendants. Counted lazily and up to a bound: reading the
     * text of every element of a deeply nested page is quadratic.
     */
    private static boolean isLeaf(Element e) {
        return e.childrenSize() <= 2 && e.stream().skip(MAX_LEAF_ELEMENTS).findAny().isEmpty();
    }

    private boolean attached(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == body) return true;
        }
        return false;
    }
}
