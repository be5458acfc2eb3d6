package io.newswatch.support.outbound;

import java.net.InetAddress;

/**
 * A checked destination: the host as the URL names it (for the Host header, TLS SNI and certificate
 * verification) and the one address that was checked, which is the address connected to.
 */
public record Destination(String scheme, String host, int port, InetAddress address) {
    public boolean https() {
        return scheme.equals("https");
    }
}
