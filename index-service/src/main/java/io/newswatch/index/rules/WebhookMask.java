package io.newswatch.index.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * How a webhook URL is shown to a reader without the API token: scheme and host only
 * ({@code https://hooks.slack.com/…}). Userinfo, path and query often are the credential
 * ({@code https://user:pass@…}, {@code ?token=…}, Slack and Teams URLs), so they are never shown.
 */
public final class WebhookMask {
    static final String SUFFIX = "/…";

    private WebhookMask() {}

    /** The masked form of {@code url}, or null for none. */
    public static String of(String url) {
        if (url == null) return null;
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + SUFFIX;
            }
        } catch (URISyntaxException e) {
            // shown as nothing but the mark below
        }
        return "…";
    }

    /** True when {@code url} looks like a masked URL rather than one to send to. */
    static boolean isMasked(String url) {
        return url != null && url.strip().endsWith("…");
    }
}
