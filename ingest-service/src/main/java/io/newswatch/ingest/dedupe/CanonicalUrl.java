package io.newswatch.ingest.dedupe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical form of an article URL, so that the same article reached through a newsletter,
 * a share button or a feed gets the same id: tracking parameters ({@code utm_*}, {@code fbclid},
 * {@code gclid}, ...) and the fragment are removed, scheme and host are lower-cased, the default
 * port is dropped. Everything else (path case, other parameters and their order) is kept, since
 * sites differ in what it means.
 */
public final class CanonicalUrl {
    private static final Pattern TRACKING_PREFIX = Pattern.compile("(?i)^(utm_|ga_|pk_|mtm_|hsa_|_hs|mc_|oly_)");
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "mc_cid", "mc_eid", "igshid", "twclid", "ttclid", "_ga", "_gl", "ref_src", "cmpid", "ocid",
            "ito", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "sr_share", "s_cid", "spm",
            "vero_id", "wt.mc_id", "at_medium", "at_campaign", "__twitter_impression");

    private CanonicalUrl() {}

    /**
     * The canonical form of {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
     */
    public static String of(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getRawAuthority() == null ? ""
                : host(uri).toLowerCase(Locale.ROOT));
        if (!defaultPort) out.append(':').append(port);
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) out.append('?').append(query);
        return out.toString();
    }

    private static URI parse(String url) {
        if (url == null) throw new IllegalArgumentException("URL is required");
        try {
            URI uri = new URI(url.strip().replace(" ", "%20"));
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + url + " (" + e.getReason() + ")", e);
        }
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!TRACKING.contains(name) && !TRACKING_PREFIX.matcher(name).find()) kept.add(pair);
        }
        return String.join("&", kept);
    }
}
