package io.newswatch.index.elastic;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The names of the article indices: monthly indices {@code ALIAS-YYYY.MM}, all behind the alias
 * {@code ALIAS} that searches use, created from the index template {@code ALIAS}.
 *
 * <p>An article's index is chosen from its {@code firstSeenAt}, which never changes for an
 * article: choosing it from {@code publishedAt} would put a corrected article into a second index
 * beside its first copy, since {@code _id} is unique per index only.
 *
 * @param alias the alias, e.g. {@code news-articles}
 */
public record ArticleIndex(String alias) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu.MM");
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 9999;

    /** The name of the index template. */
    public String templateName() {
        return alias;
    }

    /** The pattern the template applies to. */
    public String pattern() {
        return alias + "-*";
    }

    /** The monthly index an article first seen at {@code firstSeenAt} belongs in. */
    public String indexFor(Instant firstSeenAt) {
        ZonedDateTime utc = firstSeenAt.atZone(ZoneOffset.UTC);
        if (utc.getYear() < FIRST_YEAR || utc.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("firstSeenAt " + firstSeenAt + " is outside the years "
                    + FIRST_YEAR + ".." + LAST_YEAR + " an index can be chosen for");
        }
        return alias + "-" + MONTH.format(utc);
    }
}
