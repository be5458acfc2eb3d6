package io.newswatch.support.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests go to the checked address although the name is never resolved by the JDK (these names
 * do not exist), with the original Host header, and over TLS with the name's SNI and certificate check.
 */
class PinnedConnectionsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final OutboundPolicy policy = OutboundPolicy.allowing(List.of("loopback")).resolvingWith(host -> {
        lookups.incrementAndGet();
        return new InetAddress[] {LOOPBACK};
    });

    @Test
    void httpGoesToTheCheckedAddressWithTheOriginalHost() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI().getPath());
            byte[] body = "pinned".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://pinned.invalid:" + server.getAddress().getPort() + "/a");
            Destination destination = policy.resolve(uri);
            HttpURLConnection connection = PinnedConnections.open(uri.toURL(), destination);
            assertEquals(200, connection.getResponseCode());
            try (InputStream in = connection.getInputStream()) {
                assertEquals("pinned", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(List.of("pinned.invalid:" + server.getAddress().getPort() + " /a"), hosts);
            assertEquals(1, lookups.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void httpsUsesTheNameForSniAndCertificateButConnectsToTheCheckedAddress(@TempDir Path dir) throws Exception {
        SSLContext serverTls = tls(keystore(dir, "pinned.invalid"));
        HttpsServer server = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            URI good = URI.create("https://pinned.invalid:" + port + "/");
            assertEquals(204, https(good, serverTls).getResponseCode());
            assertEquals(List.of("pinned.invalid:" + port), hosts);

            // same address and certificate, but the URL names another host: hostname verification fails
            URI other = URI.create("https://other.invalid:" + port + "/");
            assertThrows(SSLHandshakeException.class, () -> https(other, serverTls).getResponseCode());
        } finally {
            server.stop(0);
        }
    }

    private HttpsURLConnection https(URI uri, SSLContext trusting) throws Exception {
        Destination destination = policy.resolve(uri);
        HttpsURLConnection connection = (HttpsURLConnection) uri.toURL().openConnection(PinnedConnections.proxy(destination));
        connection.setSSLSocketFactory(PinnedConnections.sslSocketFactory(destination, trusting.getSocketFactory()));
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        return connection;
    }

    /** A key pair and self-signed certificate for {@code name} only (no IP in it). */
    private static Path keystore(Path dir, String name) throws IOException, InterruptedException {
        Path file = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=" + name, "-ext", "SAN=dns:" + name,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) throw new IOException("keytool failed");
        return file;
    }

    /** Serves with the key and trusts its certificate. */
    private static SSLContext tls(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
