package io.newswatch.localstack;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/** Renders the sample site: article pages in realistic news-site chrome, an index page and an RSS feed. */
final class SamplePages {
    static final String SITE_NAME = "Caucasus Sample News";
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("MMMM d, yyyy HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private SamplePages() {}

    static String path(SampleArticle article) {
        return "/articles/" + article.slug() + ".html";
    }

    static String article(String base, SampleArticle a, List<SampleArticle> all) {
        String url = base + path(a);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s | %s</title>
                <link rel="canonical" href="%s">
                <meta property="og:title" content="%s">
                <meta property="og:type" content="article">
                <meta property="og:url" content="%s">
                <meta property="og:site_name" content="%s">
                <meta property="og:image" content="%s%s">
                <meta property="article:published_time" content="%s">
                <meta name="author" content="%s">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",\
                "headline":"%s","datePublished":"%s","author":{"@type":"Person","name":"%s"}}</script>
                </head>
                <body>
                %s
                <div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/section/%s">%s</a></div>
                <main>
                <article>
                <h1>%s</h1>
                <div class="byline">By <a rel="author" href="/authors/%s">%s</a> &middot; <time datetime="%s">%s</time></div>
                <div class="share-tools"><a href="#share-fb">Share on Facebook</a> <a href="#share-x">Share on X</a> \
                <a href="#share-mail">Email this article</a> <a href="#print">Print</a></div>
                <figure class="lead-photo"><img src="%s" alt=""><figcaption>%s</figcaption></figure>
                <div class="article-body">
                %s
                </div>
                <div class="tags">Topics: <a href="/section/%s">%s</a></div>
                </article>
                <section class="related"><h2>Related</h2><ul>%s</ul></section>
                <section class="comments"><h2>Comments (2)</h2>
                <div class="comment"><b>reader_77</b><p>Thanks for the reporting, please keep us updated.</p></div>
                <div class="comment"><b>observer</b><p>We have heard all of this before.</p></div>
                </section>
                </main>
                %s
                </body>
                </html>
                """.formatted(esc(a.title()), SITE_NAME, url, esc(a.title()), url, SITE_NAME, base, esc(a.image()), a.published(),
                esc(a.author()), json(a.title()), a.published(), json(a.author()), header(),
                slug(a.section()), esc(a.section()), esc(a.title()), slug(a.author()), esc(a.author()),
                a.published(), HUMAN.format(a.published()), esc(a.image()), esc(a.caption()), body(a),
                slug(a.section()), esc(a.section()), related(a, all), footer());
    }

    static String index(List<SampleArticle> all) {
        StringBuilder list = new StringBuilder();
        all.forEach(a -> list.append("<li><a href=\"").append(path(a)).append("\">").append(esc(a.title()))
                .append("</a> <time datetime=\"").append(a.published()).append("\">")
                .append(HUMAN.format(a.published())).append("</time></li>\n"));
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + SITE_NAME
                + "</title><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head><body>"
                + header() + "<main><h1>Latest</h1><ul class=\"latest\">" + list + "</ul></main>" + footer()
                + "</body></html>\n";
    }

    static String rss(String base, List<SampleArticle> all) {
        StringBuilder items = new StringBuilder();
        for (SampleArticle a : all) {
            String url = base + path(a);
            items.append("<item><title>").append(esc(a.title())).append("</title><link>").append(url)
                    .append("</link><guid isPermaLink=\"true\">").append(url).append("</guid><pubDate>")
                    .append(RFC_1123.format(a.published())).append("</pubDate><description>")
                    .append(esc(a.bodyParagraphs().get(0))).append("</description></item>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + SITE_NAME
                + "</title><link>" + base + "/</link><description>South Caucasus news (sample)</description>"
                + "<language>en</language>\n" + items + "</channel></rss>\n";
    }

    private static String body(SampleArticle a) {
        StringBuilder html = new StringBuilder();
        for (String p : a.paragraphs()) {
            if (p.startsWith(SampleArticle.SEE_ALSO)) {
                String title = p.substring(SampleArticle.SEE_ALSO.length());
                html.append("<div class=\"see-also\"><span class=\"see-also__label\">SEE ALSO:</span> <a href=\"/a/")
                        .append(slug(title)).append("\">").append(esc(title)).append("</a></div>\n");
            } else {
                html.append("<p>").append(esc(p)).append("</p>\n");
            }
        }
        return html.toString();
    }

    private static String related(SampleArticle current, List<SampleArticle> all) {
        StringBuilder html = new StringBuilder();
        all.stream().filter(a -> !a.equals(current)).forEach(a -> html.append("<li><a href=\"").append(path(a))
                .append("\">").append(esc(a.title())).append("</a></li>"));
        return html.toString();
    }

    private static String header() {
        return """
                <header class="site-header"><a class="logo" href="/">%s</a>
                <nav class="main-nav"><ul><li><a href="/section/armenia">Armenia</a></li>\
                <li><a href="/section/azerbaijan">Azerbaijan</a></li><li><a href="/section/georgia">Georgia</a></li>\
                <li><a href="/section/economy">Economy</a></li><li><a href="/section/opinion">Opinion</a></li></ul></nav>
                <form class="search" action="/search"><input name="q" placeholder="Search"></form>
                <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
                </header>""".formatted(SITE_NAME);
    }

    private static String footer() {
        return """
                <footer class="site-footer"><div class="newsletter">Subscribe to our newsletter \
                <input type="email" placeholder="Your email"></div>
                <nav><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a></nav>
                <p>&copy; 2026 %s. Sample content served locally by newswatch.</p></footer>""".formatted(SITE_NAME);
    }

    private static String esc(String text) {
        return Entities.escape(text);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
    }
}
