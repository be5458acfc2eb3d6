package io.newswatch.ingest;

import io.newswatch.events.RawArticle;
import io.newswatch.ingest.dedupe.CanonicalUrl;
import io.newswatch.ingest.dedupe.ContentFingerprint;
import io.newswatch.ingest.dedupe.PublishedUrls;
import io.newswatch.ingest.dedupe.RecentArticles;
import io.newswatch.ingest.dedupe.SeenContent;
import io.newswatch.ingest.dedupe.SeenContent.Duplicate;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchedPage;
import io.newswatch.ingest.fetch.Fetcher;
import io.newswatch.ingest.fetch.SavedPages;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.publish.RawArticles;
import io.newswatch.ingest.source.Source;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one article link from fetch to {@code news.raw}: skip it when already done, fetch (or read
 * a saved page), extract, skip it when its body copies an article already published (recording
 * the copy's URL on that article), publish, and remember it once the broker acknowledged. A page that fails for good is
 * dead-lettered and remembered; one that fails for now (network, 5xx, Kafka) is not remembered,
 * so the next poll retries it, and is dead-lettered only the first time, to keep an outage from
 * flooding {@code news.dlq}.
 */
final class PageIngester {
    private static final Logger LOG = LoggerFactory.getLogger(PageIngester.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(90);
    /** Published articles kept in memory so a later copy can be recorded on them (~10 kB each). */
    private static final int RECENT_ARTICLES = 2_000;

    private final Fetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ArticlePublisher publisher;
    private final PublishedUrls published;
    private final SeenContent content;
    private final RecentArticles recent = new RecentArticles(RECENT_ARTICLES);
    /** Canonical URLs being published right now: two polls of overlapping sources must not both publish one. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final IngestMetrics metrics;
    private final Set<String> failingForNow = ConcurrentHashMap.newKeySet();

    PageIngester(Fetcher fetcher, ArticlePublisher publisher, PublishedUrls published, SeenContent content,
                 IngestMetrics metrics) {
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.published = published;
        this.content = content;
        this.metrics = metrics;
    }

    PageOutcome ingest(Source source, FeedItem item) {
        String link;
        try {
            link = source.type().isLocal() ? item.url() : CanonicalUrl.of(item.url());
        } catch (IllegalArgumentException e) {
            return refuse(source, item.url(), item.url(), "bad_url", e);
        }
        if (published.contains(link)) return PageOutcome.ALREADY_SEEN;
        try {
            return fetchAndPublish(source, item, link);
        } catch (FetchException e) {
            return e.isTransient() ? retryLater(source, link, e.category().tag(), e)
                    : refuse(source, item.url(), link, e.category().tag(), e);
        } catch (NoArticleException e) {
            return refuse(source, item.url(), link, "no_text", e);
        } catch (IOException e) {
            return refuse(source, item.url(), link, "unreadable_file", e);
        } catch (RuntimeException e) {
            return refuse(source, item.url(), link, "extract_error", e);
        }
    }

    private PageOutcome fetchAndPublish(Source source, FeedItem item, String link)
            throws FetchException, NoArticleException, IOException {
        Page page = load(source, item);
        ExtractedArticle extracted = extractor.extract(page.document());
        if (extracted.hasNoText()) throw new NoArticleException(page.url());
        String url = source.type().isLocal() && extracted.canonicalUrl() != null ? extracted.canonicalUrl() : page.url();
        RawArticle article = RawArticles.of(extracted, url, source.name(), item.publishedAt(), Instant.now());
        if (published.contains(article.canonicalUrl()) || !inFlight.add(article.canonicalUrl())) {
            remember(() -> published.markPublished(article.id(), List.of(link)));
            return PageOutcome.ALREADY_SEEN;
        }
        try {
            return publishNew(source, link, article);
        } finally {
            inFlight.remove(article.canonicalUrl());
        }
    }

    /** Publishes an article no poll has published, unless its body copies one that was. */
    private PageOutcome publishNew(Source source, String link, RawArticle article) {
        ContentFingerprint fingerprint = ContentFingerprint.of(article.text());
        Optional<Duplicate> original = content.duplicateOf(fingerprint);
        if (original.isPresent()) return duplicate(source, link, article, original.get());
        try {
            publisher.publish(article).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return retryLater(source, link, "kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PageOutcome.RETRY_LATER;
        }
        failingForNow.remove(link);
        metrics.published(source.name());
        recent.add(article);
        remember(() -> content.remember(article.id(), fingerprint));
        remember(() -> published.markPublished(article.id(), List.of(link, article.canonicalUrl())));
        return PageOutcome.PUBLISHED;
    }

    /** The page behind a link: fetched over HTTP, or read from disk for a files source. */
    private Page load(Source source, FeedItem item) throws FetchException, IOException {
        if (source.type().isLocal()) {
            return new Page(SavedPages.read(Path.of(URI.create(item.url())), null), item.url());
        }
        FetchedPage fetched = fetcher.fetchPage(item.url(), source.allowPrivate());
        return new Page(fetched.document(), fetched.finalUrl());
    }

    /** Records a copy on the article it copies, and remembers its URLs as done (with the original's id). */
    private PageOutcome duplicate(Source source, String link, RawArticle copy, Duplicate original) {
        metrics.duplicate(source.name(), original.kind().name().toLowerCase(Locale.ROOT));
        LOG.debug("{}: {} is a {} copy of article {}", source.name(), copy.canonicalUrl(), original.kind(),
                original.articleId());
        remember(() -> content.recordCopy(original.articleId(), copy.canonicalUrl()));
        remember(() -> published.markPublished(original.articleId(), List.of(link, copy.canonicalUrl())));
        recent.get(original.articleId()).ifPresent(this::republishWithCopies);
        return PageOutcome.DUPLICATE;
    }

    /** The original again, now listing its copies: same id, so downstream it replaces itself. */
    private void republishWithCopies(RawArticle original) {
        List<String> copies = content.otherUrls(original.id()).stream()
                .filter(url -> !url.equals(original.canonicalUrl())).distinct().toList();
        if (copies.equals(original.otherUrls())) return; // the same page seen again: nothing new to record
        RawArticle updated = original.withOtherUrls(copies);
        publisher.publish(updated).whenComplete((ok, error) -> {
            if (error == null) {
                recent.add(updated);
            } else {
                LOG.warn("could not republish {} with its copies: {}", original.canonicalUrl(), error.toString());
            }
        });
    }

    /** Dead-letters a page that will never work and remembers it, once the dead letter is acknowledged. */
    private PageOutcome refuse(Source source, String url, String link, String reason, Throwable error) {
        metrics.failed(source.name(), reason);
        if (!deadLetter(source, url, error)) return PageOutcome.RETRY_LATER;
        failingForNow.remove(link);
        remember(() -> published.markRefused(link));
        return PageOutcome.REFUSED;
    }

    private PageOutcome retryLater(Source source, String link, String reason, Throwable error) {
        metrics.failed(source.name(), reason);
        LOG.debug("{}: {} failed for now ({}), retried next poll", source.name(), link, error.getMessage());
        if (!reason.equals("kafka") && failingForNow.add(link)) deadLetter(source, link, error);
        return PageOutcome.RETRY_LATER;
    }

    private boolean deadLetter(Source source, String url, Throwable error) {
        try {
            publisher.deadLetter(url, source.name(), error).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            metrics.deadLettered(source.name());
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{}: cannot dead-letter {}: {}", source.name(), url, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a write to the store; a failure only means the page may be published again later. */
    private static void remember(StoreWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            LOG.error("cannot write the ingest state (a page may be published again): {}", e.toString());
        }
    }

    private record Page(Document document, String url) {}

    @FunctionalInterface
    private interface StoreWrite {
        void run() throws IOException;
    }

    /** The page has no article text (an index page, a video page, a paywall). */
    static final class NoArticleException extends Exception {
        NoArticleException(String url) {
            super("no article text found in " + url);
        }
    }
}
