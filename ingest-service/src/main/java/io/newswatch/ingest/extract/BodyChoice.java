package io.newswatch.ingest.extract;

import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * Decides between the container the content search found and the page's other evidence of its
 * body, as trafilatura does between its own extraction and its fallbacks: a result is trusted
 * unless another reading of the same page finds far more article text. The evidence is the
 * page's dense prose ({@link DenseText}) and the body the publisher declares in JSON-LD
 * ({@code articleBody}).
 */
final class BodyChoice {
    /** Another reading must find this many times the text to win: a longer one is more often chrome than body. */
    private static final double MUCH_LONGER = 2.0;
    /**
     * A found text this long is a whole article's worth and is kept: on such pages the dense
     * prose is longer because it also holds teasers of other stories and live-blog entries.
     */
    private static final int TRUSTED_CHARS = 1000;
    /** A declared body shorter than this is a teaser, not the article. */
    private static final int MIN_DECLARED_CHARS = 500;

    private BodyChoice() {}

    /**
     * The body text: {@code found} (the content search), unless it is short and {@code dense} holds
     * much more text, or the declared {@code articleBody} (may be null) holds much more than either.
     */
    static String choose(String found, String dense, String articleBody) {
        boolean doubtful = found.length() < TRUSTED_CHARS;
        String best = doubtful && dense.length() > MUCH_LONGER * found.length() ? dense : found;
        String declared = articleBody == null ? "" : declaredText(articleBody);
        if (declared.length() >= MIN_DECLARED_CHARS && declared.length() > MUCH_LONGER * best.length()) return declared;
        return best;
    }

    /** Declared bodies are plain text or, on some sites, HTML; either way one paragraph per line. */
    private static String declaredText(String articleBody) {
        if (articleBody.indexOf('<') < 0) {
            return articleBody.lines().map(l -> l.replaceAll("\\s+", " ").strip()).filter(l -> !l.isEmpty())
                    .collect(Collectors.joining("\n"));
        }
        return Paragraphs.of(List.of(Jsoup.parseBodyFragment(articleBody).body()));
    }
}
