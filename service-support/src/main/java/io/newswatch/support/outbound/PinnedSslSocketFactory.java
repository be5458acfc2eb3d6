package io.newswatch.support.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS to one checked address: every way of making a connected socket connects to it; layering over
 * an existing socket is the delegate's, with the host name given (SNI, hostname verification).
 */
final class PinnedSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory tls;
    private final InetAddress address;
    private final int port;

    PinnedSslSocketFactory(SSLSocketFactory tls, InetAddress address, int port) {
        this.tls = tls;
        this.address = address;
        this.port = port;
    }

    /** What {@code HttpsURLConnection} connects first; it then layers TLS with {@link #createSocket(Socket, String, int, boolean)}. */
    @Override
    public Socket createSocket() {
        return new PinnedConnections.PinnedSocket(address, port);
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return tls.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return layered(host);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return layered(host);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return layered(host.getHostName());
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return layered(host.getHostName());
    }

    private Socket layered(String host) throws IOException {
        Socket plain = new Socket(address, port);
        return tls.createSocket(plain, host, port, true);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}
