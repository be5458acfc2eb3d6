package io.newswatch.support.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One HTTP request to a checked {@link Destination} ({@link PinnedConnections}), bounded as a whole:
 * connecting, sending, the answer's headers and whatever body is read must all be done within
 * {@code timeout}. A socket read timeout alone does not bound a server that drips a byte now and then
 * (and JDK 17's {@code HttpClient} request timeout covers the headers only), so a {@link Deadline}
 * disconnects the exchange when its time is up. Redirects are never followed: the caller checks each hop.
 * Closing disconnects: an unread body is dropped, never drained.
 */
public final class PinnedExchange implements AutoCloseable {
    private final HttpURLConnection connection;
    private final Deadline.Watch watch;
    private final long deadlineNanos;
    private final Duration timeout;
    private final int status;

    private PinnedExchange(HttpURLConnection connection, Deadline.Watch watch, long deadlineNanos, Duration timeout,
                           int status) {
        this.connection = connection;
        this.watch = watch;
        this.deadlineNanos = deadlineNanos;
        this.timeout = timeout;
        this.status = status;
    }

    /**
     * Sends {@code method} to {@code url} (whose host is {@code destination}'s) with {@code headers} and
     * {@code body} (null for none), and reads the answer's status and headers.
     *
     * @throws SocketTimeoutException when that did not finish within {@code timeout}
     * @throws IOException            when the connection or the exchange failed
     */
    public static PinnedExchange send(String method, URL url, Destination destination, Map<String, String> headers,
                                      byte[] body, Duration timeout) throws IOException {
        HttpURLConnection connection = PinnedConnections.open(url, destination);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        Deadline.Watch watch = Deadline.disconnectAt(connection, timeout);
        try {
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length); // also stops the JDK from silently resending
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            if (watch.fired()) throw timedOut(timeout, null); // cut mid-headers, which may read as an answer
            return new PinnedExchange(connection, watch, deadlineNanos, timeout, status);
        } catch (IOException | RuntimeException e) {
            watch.cancel();
            connection.disconnect();
            if (watch.fired() && !(e instanceof SocketTimeoutException)) throw timedOut(timeout, e);
            throw e;
        }
    }

    /** The answer's HTTP status. */
    public int status() {
        return status;
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        return connection.getHeaderField(name);
    }

    /**
     * The body, decompressed when the server gzipped it, up to {@code maxBytes} (more is cut off and
     * {@link Body#truncated()} says so), read before the deadline.
     *
     * @throws SocketTimeoutException when the deadline passed while reading
     */
    public Body body(int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024));
        try (InputStream in = decoded(status >= 400 ? errorStream() : connection.getInputStream())) {
            byte[] buffer = new byte[16 * 1024];
            while (out.size() < maxBytes) {
                int n = in.read(buffer, 0, Math.min(buffer.length, maxBytes - out.size()));
                checkDeadline(); // a cut connection may read as the end of the body
                if (n < 0) return new Body(out.toByteArray(), false);
                out.write(buffer, 0, n);
            }
            boolean more = in.read() >= 0;
            checkDeadline();
            return new Body(out.toByteArray(), more);
        } catch (IOException | RuntimeException e) {
            if (watch.fired()) throw timedOut(timeout, e);
            throw e;
        }
    }

    /** Disconnects (dropping whatever was not read) and stops the deadline's watch. */
    @Override
    public void close() {
        watch.cancel();
        connection.disconnect();
    }

    /**
     * A body as read.
     *
     * @param bytes     what was read (decompressed)
     * @param truncated true when the server had more than the bound
     */
    public record Body(byte[] bytes, boolean truncated) {}

    private InputStream errorStream() {
        InputStream error = connection.getErrorStream();
        return error == null ? InputStream.nullInputStream() : error;
    }

    private InputStream decoded(InputStream raw) throws IOException {
        String encoding = header("Content-Encoding");
        if (encoding == null) return raw;
        String coding = encoding.strip().toLowerCase(Locale.ROOT);
        return coding.equals("gzip") || coding.equals("x-gzip") ? new GZIPInputStream(raw) : raw;
    }

    private void checkDeadline() throws SocketTimeoutException {
        if (watch.fired() || System.nanoTime() - deadlineNanos > 0) throw timedOut(timeout, null);
    }

    private static SocketTimeoutException timedOut(Duration timeout, Exception cause) {
        SocketTimeoutException e = new SocketTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        if (cause != null) e.initCause(cause);
        return e;
    }
}
