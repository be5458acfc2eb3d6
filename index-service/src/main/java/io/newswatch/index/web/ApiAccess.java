package io.newswatch.index.web;

import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.util.List;
import java.util.Locale;

/**
 * Who may use the HTTP API and how ({@code api.*}).
 *
 * @param token        the API token and which requests need it ({@code api.token}, {@code api.token-scope})
 * @param allowedHosts names besides loopback that requests may address ({@code api.allowed-hosts})
 * @param maxBodyBytes largest request body accepted ({@code api.max-body-bytes})
 */
public record ApiAccess(ApiToken token, List<String> allowedHosts, long maxBodyBytes) {
    /** No token, loopback names only, 64 KiB bodies: the local demo and tests. */
    public static final ApiAccess LOCAL = new ApiAccess(ApiToken.NONE, List.of(), 64 * 1024);

    public ApiAccess {
        allowedHosts = List.copyOf(allowedHosts);
        if (maxBodyBytes < 1024) {
            throw new ConfigException("api.max-body-bytes must be at least 1024, was " + maxBodyBytes);
        }
    }

    public static ApiAccess from(Settings settings) {
        String scope = settings.string("api.token-scope").strip().toUpperCase(Locale.ROOT);
        ApiToken.Scope tokenScope;
        try {
            tokenScope = ApiToken.Scope.valueOf(scope);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("api.token-scope must be 'writes' or 'all', was '"
                    + settings.string("api.token-scope") + "'");
        }
        return new ApiAccess(ApiToken.of(settings.optional("api.token"), tokenScope),
                settings.list("api.allowed-hosts"), settings.integer("api.max-body-bytes"));
    }
}
