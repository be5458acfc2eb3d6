package io.newswatch.index.elastic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Elasticsearch is taking our writes, as the indexer last found it, and whether the index
 * template is installed. Logs one WARN when it goes down and one INFO when it is back, however
 * many retries happen in between.
 */
public final class ElasticAvailability {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticAvailability.class);

    private enum State { UNKNOWN, UP, DOWN }

    private final String where;
    private final Clock clock;
    private State state = State.UNKNOWN;
    private Instant downSince;
    private String problem = "not contacted yet";
    private volatile boolean ready;

    /** @param where the cluster's URLs, for log lines */
    public ElasticAvailability(String where, Clock clock) {
        this.where = where;
        this.clock = clock;
    }

    /** The template is installed and the cluster answered. */
    public synchronized void markReady(ClusterCapabilities capabilities) {
        boolean first = !ready;
        ready = true;
        markUp();
        if (first) {
            LOG.info("Elasticsearch {} ready (version {}); analysis: {}", where, String.join(", ",
                    capabilities.versions()), capabilities.analysis());
        }
    }

    /** A request succeeded. */
    public synchronized void markUp() {
        if (state == State.DOWN) {
            LOG.info("Elasticsearch {} is back after {}s: indexing resumed", where,
                    Duration.between(downSince, clock.instant()).toSeconds());
        }
        state = State.UP;
    }

    /** A request failed because the cluster is unreachable, overloaded or refuses us. */
    public synchronized void markDown(String why) {
        problem = why;
        if (state != State.DOWN) {
            LOG.warn("Elasticsearch {} is unavailable ({}): indexing paused, retrying with backoff", where, why);
            state = State.DOWN;
            downSince = clock.instant();
        }
    }

    /** True when the last request succeeded. */
    public synchronized boolean isUp() {
        return state == State.UP;
    }

    /** True once the index template has been installed. */
    public boolean isReady() {
        return ready;
    }

    /** The last problem seen, for /health. */
    public synchronized String problem() {
        return problem;
    }
}
