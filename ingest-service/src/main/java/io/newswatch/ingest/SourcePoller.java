package io.newswatch.ingest;

import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.listing.ArticleLinks;
import io.newswatch.ingest.source.Source;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls one source: lists its article links, then ingests each. One poll of a source at a time. */
final class SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

    private final Source source;
    private final ArticleLinks lister;
    private final PageIngester pages;
    private final IngestMetrics metrics;

    SourcePoller(Source source, ArticleLinks lister, PageIngester pages, IngestMetrics metrics) {
        this.source = source;
        this.lister = lister;
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
            return PollSummary.FAILED_SOURCE;
        }
    }

    private PollSummary pollOnce() {
        Optional<List<FeedItem>> listed;
        try {
            listed = lister.list(source);
        } catch (FetchException | IOException e) {
            LOG.warn("{}: cannot read {}: {}", source.name(), source.url(), e.getMessage());
            metrics.polled(source.name(), false);
            return PollSummary.FAILED_SOURCE;
        }
        metrics.polled(source.name(), true);
        if (listed.isEmpty()) {
            metrics.unchanged(source.name());
            LOG.debug("{}: unchanged since the last poll", source.name());
            return PollSummary.UNCHANGED_SOURCE;
        }
        return ingestAll(listed.get());
    }

    private PollSummary ingestAll(List<FeedItem> links) {
        metrics.listed(source.name(), links.size());
        Map<PageOutcome, Integer> outcomes = new EnumMap<>(PageOutcome.class);
        for (FeedItem link : links) {
            if (Thread.currentThread().isInterrupted()) break; // the service is closing
            outcomes.merge(pages.ingest(source, link), 1, Integer::sum);
        }
        PollSummary summary = new PollSummary(1, 0, links.size(), count(outcomes, PageOutcome.PUBLISHED),
                count(outcomes, PageOutcome.ALREADY_SEEN),
                count(outcomes, PageOutcome.REFUSED) + count(outcomes, PageOutcome.RETRY_LATER),
                count(outcomes, PageOutcome.DUPLICATE));
        LOG.info("{}: polled, {} links, {} published, {} already seen, {} duplicates, {} failed", source.name(),
                summary.listed(), summary.published(), summary.alreadySeen(), summary.duplicates(), summary.failed());
        return summary;
    }

    private static int count(Map<PageOutcome, Integer> outcomes, PageOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }
}
