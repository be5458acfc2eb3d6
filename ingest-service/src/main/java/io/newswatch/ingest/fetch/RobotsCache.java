package io.newswatch.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The robots.txt rules of each host (crawler-commons), read once per host and kept for a while.
 * A missing robots.txt (4xx) allows everything; one that cannot be read for now (5xx, network)
 * defers every visit to the host for {@value #DEFER_MINUTES} minutes (at most the TTL), so that a
 * poll of a host that is down does not wait on robots.txt for each of its links. Hosts are kept in a
 * {@link HostTable}: one not fetched from for {@code fetch.host-idle} is forgotten (its robots.txt read
 * again when it comes back), at most {@code fetch.max-hosts} are kept, least recently used forgotten
 * first, never while its robots.txt is being read. Thread-safe: one read per host at a time.
 */
final class RobotsCache {
    static final int DEFER_MINUTES = 5;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final HostTable<HostRobots> byHost;
    private final List<String> robotNames;
    private final Duration ttl;
    private final Loader loader;

    RobotsCache(String robotName, Duration ttl, Loader loader) {
        this(robotName, ttl, loader, FetchSettings.Limits.DEFAULTS.hostIdle(), FetchSettings.Limits.DEFAULTS.maxHosts(),
                System::nanoTime);
    }

    /** A cache forgetting a host after {@code idle} unused, keeping at most {@code maxHosts}; times from {@code clock}. */
    RobotsCache(String robotName, Duration ttl, Loader loader, Duration idle, int maxHosts, LongSupplier clock) {
        this.robotNames = List.of(robotName);
        this.ttl = ttl;
        this.loader = loader;
        this.byHost = new HostTable<>(idle, maxHosts, clock, robots -> false);
    }

    /** Hosts whose robots.txt (or its failure) is kept now. */
    int size() {
        return byHost.size();
    }

    /**
     * The crawl delay of the host of {@code uri} (zero when robots.txt sets none).
     *
     * @throws FetchException ROBOTS_DISALLOWED when robots.txt disallows {@code uri}, or a transient
     *                        failure when robots.txt cannot be read for now
     */
    Duration admit(URI uri, boolean allowPrivate) throws FetchException {
        BaseRobotRules rules = rulesFor(uri, allowPrivate);
        if (!rules.isAllowed(uri.toString())) {
            throw FetchException.of(uri.toString(), FetchException.Category.ROBOTS_DISALLOWED,
                    "disallowed by " + robotsUrl(uri) + " for " + robotNames.get(0));
        }
        long delayMillis = rules.getCrawlDelay();
        return delayMillis > 0 ? Duration.ofMillis(delayMillis) : Duration.ZERO;
    }

    private BaseRobotRules rulesFor(URI uri, boolean allowPrivate) throws FetchException {
        String host = HostGates.key(uri);
        HostRobots robots = byHost.acquire(host, HostRobots::new); // kept while in use: one lock per host
        try {
            Kept kept = robots.kept;
            if (kept != null && kept.fresh()) return kept.rulesOrThrow(uri);
            synchronized (robots) {
                kept = robots.kept;
                if (kept != null && kept.fresh()) return kept.rulesOrThrow(uri);
                try {
                    BaseRobotRules rules = read(uri, allowPrivate);
                    robots.kept = new Kept(rules, null, System.nanoTime() + ttl.toNanos());
                    return rules;
                } catch (FetchException e) {
                    Duration defer = ttl.compareTo(Duration.ofMinutes(DEFER_MINUTES)) < 0 ? ttl
                            : Duration.ofMinutes(DEFER_MINUTES);
                    if (e.isTransient()) robots.kept = new Kept(null, e, System.nanoTime() + defer.toNanos());
                    throw e;
                }
            }
        } finally {
            byHost.release(host);
        }
    }

    private BaseRobotRules read(URI uri, boolean allowPrivate) throws FetchException {
        String url = robotsUrl(uri);
        Loader.RobotsFile file = loader.load(uri, url, allowPrivate);
        BaseRobotRules rules = file.status() >= 200 && file.status() < 300
                ? parser.parseContent(url, file.body(), file.contentType(), robotNames)
                : parser.failedFetch(file.status());
        if (rules.isDeferVisits()) {
            throw FetchException.httpStatus(uri.toString(), file.status() < 500 ? 503 : file.status(), null);
        }
        return rules;
    }

    private static String robotsUrl(URI uri) {
        return uri.resolve("/robots.txt").toString();
    }

    /** What is known of one host's robots.txt; its monitor is held while robots.txt is read. */
    private static final class HostRobots {
        volatile Kept kept;
    }

    /** The rules of a host, or why they could not be read, until {@code expiresNanos}. */
    private record Kept(BaseRobotRules rules, FetchException failure, long expiresNanos) {
        boolean fresh() {
            return System.nanoTime() - expiresNanos < 0;
        }

        BaseRobotRules rulesOrThrow(URI uri) throws FetchException {
            if (rules != null) return rules;
            throw new FetchException(uri.toString(), failure.category(), "robots.txt unavailable: "
                    + failure.getMessage(), failure.statusCode(), failure.retryAfter(), failure);
        }
    }

    /** Reads a host's robots.txt. */
    @FunctionalInterface
    interface Loader {
        /**
         * The answer to GET {@code robotsUrl} (redirects followed, each hop within the outbound policy,
         * private addresses too when the page's source allows them); a failure to connect throws.
         */
        RobotsFile load(URI page, String robotsUrl, boolean allowPrivate) throws FetchException;

        /** What the host answered. */
        record RobotsFile(int status, String contentType, byte[] body) {}
    }
}
