package io.newswatch.ingest.fetch;

import io.newswatch.support.outbound.AddressRange;
import io.newswatch.support.outbound.Destination;
import io.newswatch.support.outbound.OutboundPolicy;
import io.newswatch.support.outbound.RefusedDestinationException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The fetcher's side of the outbound policy ({@link OutboundPolicy}, {@code outbound.allow}): every
 * request (page, feed, sitemap, robots.txt, each redirect hop) resolves its host here once, and is
 * then sent to the address checked here. A source with {@code allowPrivate: true} also reaches this
 * machine and private networks (never cloud metadata).
 */
final class AddressGuard {
    /** What a source's {@code allowPrivate: true} adds to the policy. */
    static final List<AddressRange> PRIVATE_NETWORKS = List.of(AddressRange.LOOPBACK, AddressRange.PRIVATE,
            AddressRange.LINK_LOCAL, AddressRange.UNIQUE_LOCAL, AddressRange.CGNAT);

    private final OutboundPolicy policy;
    private final OutboundPolicy withPrivate;

    AddressGuard(OutboundPolicy policy) {
        this.policy = policy;
        this.withPrivate = policy.alsoAllowing(PRIVATE_NETWORKS);
    }

    /** The checked destination of {@code uri}, or why it may not be fetched. */
    Destination check(String url, URI uri, boolean allowPrivate) throws FetchException {
        try {
            return (allowPrivate ? withPrivate : policy).resolve(uri);
        } catch (UnknownHostException e) {
            throw FetchException.network(url, "cannot resolve host " + uri.getHost(), e);
        } catch (RefusedDestinationException e) {
            throw FetchException.of(url, FetchException.Category.REFUSED_ADDRESS, "refused: " + e.getMessage()
                    + (allowPrivate ? "" : " (or set allowPrivate: true on the source)"));
        }
    }
}
