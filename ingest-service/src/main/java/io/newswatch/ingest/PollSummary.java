package io.newswatch.ingest;

/**
 * What one poll (of one source, or of all) did.
 *
 * @param sources       sources polled
 * @param failedSources sources whose listing could not be read
 * @param listed        article links listed
 * @param published     articles published to news.raw
 * @param alreadySeen   links skipped because they were published (or refused) before
 * @param failed        pages that failed (dead-lettered, or retried next poll when transient)
 * @param duplicates    pages whose body copies an article already published (recorded on it, not published)
 */
public record PollSummary(int sources, int failedSources, int listed, int published, int alreadySeen, int failed,
                          int duplicates) {

    /** Nothing done. */
    public static final PollSummary EMPTY = new PollSummary(0, 0, 0, 0, 0, 0, 0);

    /** A poll of one source whose listing could not be read. */
    static final PollSummary FAILED_SOURCE = new PollSummary(1, 1, 0, 0, 0, 0, 0);

    /** A poll of one source whose listing did not change (304). */
    static final PollSummary UNCHANGED_SOURCE = new PollSummary(1, 0, 0, 0, 0, 0, 0);

    /** The sum of this and {@code other}. */
    public PollSummary plus(PollSummary other) {
        return new PollSummary(sources + other.sources, failedSources + other.failedSources, listed + other.listed,
                published + other.published, alreadySeen + other.alreadySeen, failed + other.failed,
                duplicates + other.duplicates);
    }
}
