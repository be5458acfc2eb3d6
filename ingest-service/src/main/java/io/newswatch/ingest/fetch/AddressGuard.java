package io.newswatch.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Keeps the fetcher off this machine and private networks (loopback, private, link-local,
 * carrier-grade NAT, unique-local IPv6), unless the source allows them: a feed must not be able
 * to make the service probe the intranet. Checked on every redirect hop.
 */
final class AddressGuard {
    private AddressGuard() {}

    /** Refuses {@code host} when it resolves to a non-public address and private ones are not allowed. */
    static void check(String url, String host, boolean allowPrivate) throws FetchException {
        if (allowPrivate) return;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw FetchException.network(url, "cannot resolve host " + host, e);
        }
        for (InetAddress address : addresses) {
            String kind = nonPublicKind(address);
            if (kind != null) {
                throw FetchException.of(url, FetchException.Category.REFUSED_ADDRESS, "refused: " + host + " is " + kind + " address "
                        + address.getHostAddress() + " (set allowPrivate: true on the source to allow it)");
            }
        }
    }

    /** What kind of non-public address {@code a} is, or null when it is public. */
    static String nonPublicKind(InetAddress a) {
        if (a.isLoopbackAddress()) return "a loopback";
        if (a.isAnyLocalAddress()) return "an unspecified";
        if (a.isLinkLocalAddress()) return "a link-local";
        if (a.isSiteLocalAddress()) return "a private";
        if (a.isMulticastAddress()) return "a multicast";
        byte[] b = a.getAddress();
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) return "a carrier-grade NAT";
        if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) return "a unique-local";
        return null;
    }
}
