package io.newswatch.index.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.newswatch.index.alerts.StreamFullException;
import io.newswatch.index.export.ExportsBusyException;
import io.newswatch.index.rules.InvalidRuleException;
import io.newswatch.index.rules.RuleStoreUnavailableException;
import io.newswatch.index.rules.TooManyRulesException;
import io.newswatch.index.rules.UnknownRuleException;
import io.newswatch.index.search.ArticleSearch;
import io.newswatch.index.search.InvalidSearchException;
import io.newswatch.index.search.SearchTimeoutException;
import io.newswatch.index.search.SearchUnavailableException;
import io.newswatch.index.search.UnknownArticleException;
import io.newswatch.support.HttpServers;
import io.newswatch.support.OpsRoutes;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of index-service on one port: the search API, the rule and alert APIs, the web UI (static files from
 * {@code /web} on the classpath, at {@code /}), {@code /health} and {@code /metrics}. Every API
 * error is JSON {@link ApiError}; a bad request is a 400 that names the parameter, never a 500.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private WebServer() {}

    /**
     * A started server on {@code host:port} (0 for any free port), with the search and article APIs
     * and {@code apis}, used as {@code access} says.
     */
    public static Javalin start(String host, int port, ArticleSearch search, OpsRoutes ops,
                                List<Consumer<RoutesConfig>> apis, ApiAccess access) {
        return HttpServers.create(config -> {
            webUi(config);
            RoutesConfig routes = config.routes;
            guard(routes, access);
            routes(routes, new SearchController(search), new ArticleController(search));
            apis.forEach(api -> api.accept(routes));
            ops.addTo(routes);
            errors(routes);
        }).start(host, port);
    }

    /** The web UI: the static files of {@code /web} on the classpath, at {@code /} (before-handlers run for them too). */
    static void webUi(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
        });
    }

    /**
     * The checks every request passes before a handler runs, in this order: security headers on every answer,
     * refusals included; then whether this server is the one asked (Host); then whether a write may come from
     * where it comes and is JSON of a bounded length; then the token.
     */
    static void guard(RoutesConfig routes, ApiAccess access) {
        routes.before(SecurityHeaders::add);
        routes.before(new HostAllowlist(access.allowedHosts())::check);
        routes.before(new WriteCheck(access.maxBodyBytes())::check);
        routes.before(access.token()::check);
        routes.exception(RefusedRequestException.class, (e, ctx) -> ctx.status(e.status())
                .json(new ApiError(e.error(), e.getMessage())));
        routes.exception(ApiToken.UnauthorizedException.class, (e, ctx) -> ctx.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer").json(new ApiError("unauthorized", e.getMessage())));
    }

    private static void routes(RoutesConfig routes, SearchController search, ArticleController articles) {
        routes.get("/api/search", search::search);
        routes.get("/api/articles/{id}", articles::article);
        routes.get("/api/articles/{id}/similar", articles::similar);
    }

    static void errors(RoutesConfig routes) {
        routes.exception(InvalidSearchException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ApiError("invalid parameter '" + e.parameter() + "'", e.getMessage())));
        routes.exception(UnknownArticleException.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                .json(new ApiError("no such article", e.getMessage())));
        routes.exception(StreamFullException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "30").json(new ApiError("too many stream clients", e.getMessage())));
        routes.exception(ExportsBusyException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "10").json(new ApiError("too many exports", e.getMessage())));
        routes.exception(SearchTimeoutException.class, (e, ctx) -> ctx.status(HttpStatus.GATEWAY_TIMEOUT)
                .json(new ApiError("search timed out", e.getMessage())));
        routes.exception(SearchUnavailableException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .json(new ApiError("search unavailable", e.getMessage())));
        routes.exception(InvalidRuleException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ApiError("invalid rule field '" + e.field() + "'", e.getMessage())));
        routes.exception(TooManyRulesException.class, (e, ctx) -> ctx.status(HttpStatus.CONFLICT)
                .json(new ApiError("too many rules", e.getMessage())));
        routes.exception(UnknownRuleException.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                .json(new ApiError("no such rule", e.getMessage())));
        routes.exception(RuleStoreUnavailableException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .json(new ApiError("rules unavailable", e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ApiError("internal error", e.getClass().getSimpleName()));
        });
    }
}
