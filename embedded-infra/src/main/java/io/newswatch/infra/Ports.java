package io.newswatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** TCP port helpers for loopback servers. */
final class Ports {

    private static final int CONNECT_TIMEOUT_MILLIS = 250;

    private Ports() {
    }

    /** Returns a port that was free on {@code host} a moment ago. */
    static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }

    /**
     * Returns {@code port} when it is free on {@code host}, or a free port when it is 0.
     *
     * @param hint who probably holds the port, e.g. "another Kafka?"
     * @throws EmbeddedInfraException when the port is already bound
     */
    static int requireFree(String host, int port, String hint) {
        if (port == 0) {
            return freePort(host);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
            return port;
        } catch (IOException e) {
            throw new EmbeddedInfraException(
                    host + ":" + port + " is already in use (" + hint + "): " + e.getMessage());
        }
    }

    /** Returns whether something accepts TCP connections on {@code host:port}. */
    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
