package io.newswatch.support.outbound;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Connections that go to a {@link Destination}'s checked address and nowhere else, while the
 * request keeps its URL: the Host header, TLS SNI and certificate hostname verification all use
 * the original host. JDK 17 has no per-request resolver (the resolver SPI is JDK 18+), so:
 * <ul>
 *   <li><b>https</b>: an {@link SSLSocketFactory} whose unconnected socket connects to the checked
 *       address whatever address it is asked for; {@code HttpsURLConnection} then layers TLS over it
 *       with the URL's host, so SNI and hostname verification are those of the host (JSSE's
 *       standard {@code HTTPS} endpoint identification), not of the IP;</li>
 *   <li><b>http</b>: the checked address as an HTTP proxy: the connection goes there and the
 *       request line carries the absolute URL with its Host header, which every HTTP/1.1 server
 *       must accept (RFC 9112 section 3.2.2); no name is resolved by the client.</li>
 * </ul>
 * {@link PinnedExchange} makes one bounded request with them. (Jsoup 1.24's default transport, the JDK
 * {@code HttpClient}, takes neither a socket factory nor a resolver, so it cannot be pinned: fetchers
 * read the body through {@link PinnedExchange} and only parse with Jsoup.)
 */
public final class PinnedConnections {
    private PinnedConnections() {}

    /** The proxy for an http request to {@code destination} (direct for https, where the socket factory pins). */
    public static Proxy proxy(Destination destination) {
        return destination.https() ? Proxy.NO_PROXY
                : new Proxy(Proxy.Type.HTTP, new InetSocketAddress(destination.address(), destination.port()));
    }

    /** The TLS socket factory that connects to {@code destination}'s checked address only. */
    public static SSLSocketFactory sslSocketFactory(Destination destination) {
        return sslSocketFactory(destination, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** As {@link #sslSocketFactory(Destination)}, layering TLS with {@code tls} (tests trusting their own CA). */
    public static SSLSocketFactory sslSocketFactory(Destination destination, SSLSocketFactory tls) {
        return new PinnedSslSocketFactory(tls, destination.address(), destination.port());
    }

    /** An unconnected {@link HttpURLConnection} for {@code url} (whose host is {@code destination}'s) that is pinned. */
    public static HttpURLConnection open(URL url, Destination destination) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(proxy(destination));
        if (connection instanceof HttpsURLConnection https) https.setSSLSocketFactory(sslSocketFactory(destination));
        return connection;
    }

    /** A plain socket whose connect goes to the pinned address whatever it is given (the JDK passes the host name). */
    static final class PinnedSocket extends Socket {
        private final InetSocketAddress pinned;

        PinnedSocket(InetAddress address, int port) {
            this.pinned = new InetSocketAddress(address, port);
        }

        @Override
        public void connect(SocketAddress ignored, int timeout) throws IOException {
            super.connect(pinned, timeout);
        }

        @Override
        public void connect(SocketAddress ignored) throws IOException {
            super.connect(pinned);
        }
    }
}
