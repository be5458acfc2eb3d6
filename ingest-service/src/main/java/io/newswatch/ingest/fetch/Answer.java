package io.newswatch.ingest.fetch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one request was answered with: status, the headers the fetcher reads, and the body as read
 * (empty for redirects and 304s).
 *
 * @param url       the URL asked for (this hop's)
 * @param truncated true when the body was longer than {@code fetch.max-body-bytes} and was cut there
 */
record Answer(String url, int status, Map<String, String> headers, byte[] body, boolean truncated) {
    private static final Pattern CHARSET = Pattern.compile("(?i)\\bcharset\\s*=\\s*[\"']?([^\\s;\"']+)");

    Answer {
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = caseless;
    }

    /** The first value of header {@code name}, or null. */
    String header(String name) {
        return headers.get(name);
    }

    /** The Content-Type, or "" when none was sent. */
    String contentType() {
        String type = header("Content-Type");
        return type == null ? "" : type;
    }

    /** The charset the Content-Type names, or null when it names none the JVM knows (the document decides then). */
    String charset() {
        Matcher m = CHARSET.matcher(contentType());
        if (!m.find()) return null;
        String name = m.group(1).strip();
        try {
            return Charset.isSupported(name) ? name : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
