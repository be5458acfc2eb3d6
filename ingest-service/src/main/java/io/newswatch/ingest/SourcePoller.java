package io.newswatch.ingest;

import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.feed.FeedParser;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchedPage;
import io.newswatch.ingest.fetch.Fetcher;
import io.newswatch.ingest.source.Source;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls one source: lists its article links, then ingests each. One poll of a source at a time. */
final class SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

    private final Source source;
    private final Fetcher fetcher;
    private final PageIngester pages;
    private final IngestMetrics metrics;

    SourcePoller(Source source, Fetcher fetcher, PageIngester pages, IngestMetrics metrics) {
        this.source = source;
        this.fetcher = fetcher;
        this.pages = pages;
        this.metrics = metrics;
    }

    Source source() {
        return source;
    }

    /** Polls now; never throws, so a scheduled poll keeps its schedule. */
    synchronized PollSummary poll() {
        try {
            return pollOnce();
        } catch (RuntimeException e) {
            LOG.error("{}: poll failed unexpectedly", source.name(), e);
            metrics.polled(source.name(), false);
            return new PollSummary(1, 1, 0, 0, 0, 0);
        }
    }

    private PollSummary pollOnce() {
        List<FeedItem> links;
        try {
            links = links();
        } catch (FetchException e) {
            LOG.warn("{}: cannot read {}: {}", source.name(), source.url(), e.getMessage());
            metrics.polled(source.name(), false);
            return new PollSummary(1, 1, 0, 0, 0, 0);
        }
        metrics.listed(source.name(), links.size());
        Map<PageOutcome, Integer> outcomes = new EnumMap<>(PageOutcome.class);
        for (FeedItem link : links) {
            if (Thread.currentThread().isInterrupted()) break; // the service is closing
            outcomes.merge(pages.ingest(source, link), 1, Integer::sum);
        }
        metrics.polled(source.name(), true);
        PollSummary summary = new PollSummary(1, 0, links.size(), count(outcomes, PageOutcome.PUBLISHED),
                count(outcomes, PageOutcome.ALREADY_SEEN),
                count(outcomes, PageOutcome.REFUSED) + count(outcomes, PageOutcome.RETRY_LATER));
        LOG.info("{}: polled, {} links, {} published, {} already seen, {} failed", source.name(), summary.listed(),
                summary.published(), summary.alreadySeen(), summary.failed());
        return summary;
    }

    /** The article links the source lists now; other source types will list theirs here. */
    private List<FeedItem> links() throws FetchException {
        switch (source.type()) {
            case FEED:
                FetchedPage feed = fetcher.fetchFeed(source.url().toString(), source.allowPrivate());
                return FeedParser.parse(feed.document(), feed.finalUrl());
            default:
                throw new IllegalStateException("no lister for source type " + source.type());
        }
    }

    private static int count(Map<PageOutcome, Integer> outcomes, PageOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }
}
