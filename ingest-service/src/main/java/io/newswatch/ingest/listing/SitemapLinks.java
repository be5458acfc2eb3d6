package io.newswatch.ingest.listing;

import crawlercommons.mimetypes.MimeTypeDetector;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchSettings;
import io.newswatch.ingest.fetch.FetchedSitemap;
import io.newswatch.ingest.fetch.Fetcher;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;

/**
 * Lists the URLs of a sitemap (crawler-commons), with the title and publication date of the
 * {@code news:} extension when present. A sitemap index is followed one level down to its
 * {@code sitemap.max-children} most recently modified sitemaps; every sitemap is fetched conditionally,
 * so an unchanged one costs a 304 and lists nothing. A child that fails is skipped (and fetched in
 * full next time); the listing fails only when every child failed.
 *
 * <p>Bounds ({@link FetchSettings.Limits}): a sitemap is read up to {@code sitemap.max-bytes} once
 * uncompressed. A {@code .gz} sitemap (gzip bytes, whatever the content type) is gunzipped here, as a
 * stream within that bound, never by crawler-commons, whose {@code parseSiteMap} gunzips without one (the
 * fetcher's {@code fetch.max-body-bytes} bounds only the compressed bytes of such a file). One layer of
 * gzip is undone; gzip inside it is refused. At most {@code sitemap.max-urls} URLs are taken from one
 * sitemap or index, and from one walk of an index and its children together. A sitemap cut by a bound
 * keeps what was read before the cut; each listing that cut something says so in one WARN line with the
 * source's name and tells {@link SitemapCuts} once per bound.
 */
final class SitemapLinks {
    private static final Logger LOG = LoggerFactory.getLogger(SitemapLinks.class);
    /** Bytes looked at to tell XML from text. */
    private static final int HEAD_BYTES = 1024;
    private static final MimeTypeDetector TYPES = new MimeTypeDetector();
    private final Fetcher fetcher;
    private final FetchSettings.Limits limits;
    private final SitemapCuts cuts;

    SitemapLinks(Fetcher fetcher) {
        this(fetcher, SitemapCuts.NONE);
    }

    SitemapLinks(Fetcher fetcher, SitemapCuts cuts) {
        this.fetcher = fetcher;
        this.limits = fetcher.limits();
        this.cuts = cuts;
    }

    /** The URLs listed by the sitemap at {@code url}; empty when it (and so its children) did not change. */
    Optional<List<FeedItem>> list(String url, boolean allowPrivate) throws FetchException {
        return list(url, url, allowPrivate);
    }

    /** The URLs listed by the sitemap at {@code url} of source {@code source}; empty when unchanged. */
    Optional<List<FeedItem>> list(String source, String url, boolean allowPrivate) throws FetchException {
        Walk walk = new Walk(limits.sitemapMaxUrls());
        try {
            return walk(url, allowPrivate, walk);
        } finally {
            report(source, walk);
        }
    }

    private Optional<List<FeedItem>> walk(String url, boolean allowPrivate, Walk walk) throws FetchException {
        Optional<AbstractSiteMap> sitemap = read(url, allowPrivate, walk);
        if (sitemap.isEmpty()) return Optional.empty();
        if (!sitemap.get().isIndex()) return Optional.of(items((SiteMap) sitemap.get()));
        SiteMapIndex index = (SiteMapIndex) sitemap.get();
        List<AbstractSiteMap> children = newestChildren(index);
        if (index.getSitemaps().size() > children.size()) {
            walk.cut("max-children", url + ": followed the " + children.size() + " newest of "
                    + index.getSitemaps().size() + " child sitemaps (sitemap.max-children is "
                    + limits.sitemapMaxChildren() + ")");
        }
        Map<String, FeedItem> items = new LinkedHashMap<>();
        FetchException childFailure = null;
        for (int i = 0; i < children.size(); i++) {
            if (walk.remaining <= 0) {
                walk.cut("max-urls", url + ": " + (children.size() - i) + " child sitemaps not read, the walk took "
                        + limits.sitemapMaxUrls() + " URLs (sitemap.max-urls)");
                break;
            }
            try {
                Optional<AbstractSiteMap> read = read(children.get(i).getUrl().toString(), allowPrivate, walk);
                if (read.isPresent() && !read.get().isIndex()) {
                    items((SiteMap) read.get()).forEach(item -> items.putIfAbsent(item.url(), item));
                }
            } catch (FetchException e) {
                childFailure = e; // the other sitemaps still count; this one is fetched again next poll
            }
        }
        if (items.isEmpty() && childFailure != null) throw childFailure;
        return Optional.of(List.copyOf(items.values()));
    }

    private Optional<AbstractSiteMap> read(String url, boolean allowPrivate, Walk walk) throws FetchException {
        Optional<FetchedSitemap> fetched = fetcher.fetchSitemap(url, allowPrivate);
        if (fetched.isEmpty()) return Optional.empty();
        try {
            UrlCap cap = new UrlCap(Math.min(limits.sitemapMaxUrls(), walk.remaining));
            Read read = parse(fetched.get(), cap, false);
            if (read.bytesCut() && read.sitemap() == null) {
                cap = new UrlCap(cap.cap); // cut mid-document: keep what came before the cut
                read = parse(fetched.get(), cap, true);
            }
            if (read.sitemap() == null) throw read.failure();
            if (read.bytesCut()) walk.cut("max-bytes", url + ": read up to " + read.bytesRead() + " bytes"
                    + (fetched.get().truncated() ? " (fetch.max-body-bytes)" : " uncompressed (sitemap.max-bytes is "
                    + limits.sitemapMaxBytes() + ")"));
            if (cap.seen > cap.kept) {
                walk.cut("max-urls", url + ": took " + cap.kept + " URLs, left out the rest (sitemap.max-urls is "
                        + limits.sitemapMaxUrls() + " per sitemap and per walk of an index)");
            }
            if (!read.sitemap().isIndex()) walk.remaining -= cap.kept;
            return Optional.of(read.sitemap());
        } catch (UnknownFormatException | IOException e) {
            throw FetchException.unreadable(url, "not a sitemap: " + e.getMessage());
        }
    }

    /**
     * Parses a fetched sitemap as a stream: gunzipped here when it is gzip, cut at {@code sitemap.max-bytes}, URLs
     * beyond {@code cap} dropped as they are read. With {@code partial}, a document cut short keeps what was read.
     */
    private Read parse(FetchedSitemap fetched, UrlCap cap, boolean partial) throws IOException {
        byte[] body = fetched.body();
        boolean gzip = body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        InputStream raw = new ByteArrayInputStream(body);
        try (Bounded bounded = new Bounded(gzip ? new GZIPInputStream(raw) : raw, limits.sitemapMaxBytes(),
                fetched.truncated());
             BufferedInputStream in = new BufferedInputStream(bounded)) {
            in.mark(HEAD_BYTES);
            byte[] head = in.readNBytes(HEAD_BYTES);
            in.reset();
            String type = TYPES.detect(head);
            if (type == null && !gzip) type = TYPES.normalize(fetched.contentType() == null ? "" : fetched.contentType(), head);
            Parser parser = new Parser(partial, cap);
            URL url = new URL(fetched.finalUrl());
            try {
                AbstractSiteMap sitemap;
                if (type != null && TYPES.isGzip(type)) {
                    throw new UnknownFormatException("gzip inside gzip (one layer is undone)");
                } else if (type != null && TYPES.isXml(type)) {
                    sitemap = parser.xml(url, skipUtf8Bom(in, head));
                } else if (type != null && TYPES.isText(type)) {
                    sitemap = parser.text(url, in);
                } else {
                    throw new UnknownFormatException("can't parse a sitemap of type " + type + " ("
                            + fetched.contentType() + ")");
                }
                return new Read(sitemap, null, bounded.cut, bounded.read);
            } catch (UnknownFormatException e) {
                return new Read(null, e, bounded.cut, bounded.read);
            }
        }
    }

    private static InputStream skipUtf8Bom(InputStream in, byte[] head) throws IOException {
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            in.skipNBytes(3);
        }
        return in;
    }

    private void report(String source, Walk walk) {
        if (walk.cuts.isEmpty()) return;
        LOG.warn("sitemap of source '{}' cut short, the rest is not listed: {}", source,
                String.join("; ", walk.cuts.values()));
        walk.cuts.keySet().forEach(reason -> cuts.cut(source, reason));
    }

    private List<AbstractSiteMap> newestChildren(SiteMapIndex index) {
        Comparator<AbstractSiteMap> newestFirst = Comparator.comparing(AbstractSiteMap::getLastModified,
                Comparator.nullsLast(Comparator.<Date>reverseOrder()));
        return index.getSitemaps().stream().sorted(newestFirst).limit(limits.sitemapMaxChildren()).toList();
    }

    private static List<FeedItem> items(SiteMap sitemap) {
        List<FeedItem> items = new ArrayList<>();
        for (SiteMapURL entry : sitemap.getSiteMapUrls()) {
            if (entry.getUrl() == null) continue;
            NewsAttributes news = news(entry);
            String title = news == null || news.getTitle() == null ? "" : news.getTitle();
            Date date = news != null && news.getPublicationDate() != null ? news.getPublicationDate()
                    : entry.getLastModified();
            Instant published = date == null ? null : date.toInstant();
            items.add(new FeedItem(entry.getUrl().toString(), null, title, published));
        }
        return items;
    }

    private static NewsAttributes news(SiteMapURL entry) {
        ExtensionMetadata[] attributes = entry.getAttributesForExtension(Extension.NEWS);
        return attributes != null && attributes.length > 0 && attributes[0] instanceof NewsAttributes n ? n : null;
    }

    /** One parse: the sitemap, or why not; whether {@code sitemap.max-bytes} (or the fetch bound) cut it. */
    private record Read(AbstractSiteMap sitemap, UnknownFormatException failure, boolean bytesCut, long bytesRead) {}

    /** The URL budget of one listing, and what cut it short (first detail per bound). */
    private static final class Walk {
        int remaining;
        final Map<String, String> cuts = new LinkedHashMap<>();

        Walk(int maxUrls) {
            this.remaining = maxUrls;
        }

        void cut(String reason, String detail) {
            cuts.merge(reason, detail, (first, more) -> first + ", " + more);
        }
    }

    /**
     * crawler-commons' URL filter, used as a counter: URLs past the cap are dropped while parsing, not kept.
     * {@code seen} only tells whether any was dropped (the XML handler may ask more than once per entry).
     */
    private static final class UrlCap implements Function<String, String> {
        final int cap;
        int seen;
        int kept;

        UrlCap(int cap) {
            this.cap = Math.max(0, cap);
        }

        @Override
        public String apply(String url) {
            seen++;
            if (kept >= cap) return null;
            kept++;
            return url;
        }
    }

    /**
     * Ends the stream after {@code max} bytes, remembering that it did. A gzip stream whose compressed bytes
     * were cut by the fetch bound ends where they end, likewise marked as cut.
     */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private final boolean sourceTruncated;
        long read;
        boolean cut;

        Bounded(InputStream in, long max, boolean sourceTruncated) {
            super(in);
            this.max = max;
            this.sourceTruncated = sourceTruncated;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= max) {
                if (!cut) cut = in.read() >= 0; // more than the bound, or exactly it
                return -1;
            }
            try {
                int n = in.read(b, off, (int) Math.min(len, max - read));
                if (n < 0) {
                    if (sourceTruncated) cut = true;
                    return -1;
                }
                read += n;
                return n;
            } catch (EOFException e) {
                if (!sourceTruncated) throw e;
                cut = true; // the compressed bytes were cut by fetch.max-body-bytes
                return -1;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, Math.max(0, max - read)));
            read += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** crawler-commons' parser, given a stream rather than bytes; one per sitemap (it is not documented thread-safe). */
    private static final class Parser extends SiteMapParser {
        Parser(boolean allowPartial, Function<String, String> urlFilter) {
            super(false, allowPartial);
            enableExtension(Extension.NEWS);
            setURLFilter(urlFilter);
        }

        AbstractSiteMap xml(URL url, InputStream in) throws UnknownFormatException {
            return processXml(url, new InputSource(in));
        }

        AbstractSiteMap text(URL url, InputStream in) throws IOException {
            return processText(url, in);
        }
    }
}
