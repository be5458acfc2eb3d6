package io.newswatch.index.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Serves only requests addressed to a name this server answers to. A page on attacker.example whose name is made
 * to resolve to 127.0.0.1 (DNS rebinding) reaches the port but sends {@code Host: attacker.example}, and gets a
 * 421. Loopback names are always allowed; others come from {@code api.allowed-hosts}.
 */
final class HostAllowlist {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed;

    HostAllowlist(Collection<String> configured) {
        Set<String> names = new HashSet<>(LOOPBACK);
        configured.stream().map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT))
                .forEach(names::add);
        this.allowed = Set.copyOf(names);
    }

    /** A before-handler. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !allowed.contains(withoutPort(host.strip().toLowerCase(Locale.ROOT)))) {
            throw new RefusedRequestException(HttpStatus.MISDIRECTED_REQUEST, "host not served",
                    "this server answers to its configured names only (api.allowed-hosts)");
        }
    }

    /** {@code name:port} to {@code name}, keeping IPv6 literals ({@code [::1]:8080} to {@code [::1]}) whole. */
    static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
    }
}
