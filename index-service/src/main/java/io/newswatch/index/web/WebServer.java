package io.newswatch.index.web;

import io.javalin.Javalin;
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
                                List<Consumer<Javalin>> apis, ApiAccess access) {
        Javalin app = HttpServers.create(config -> config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.headers = SecurityHeaders.ALL;
        }));
        guard(app, access);
        routes(app, new SearchController(search), new ArticleController(search));
        apis.forEach(api -> api.accept(app));
        ops.addTo(app);
        errors(app);
        return app.start(host, port);
    }

    /**
     * The checks every request passes before a handler runs, in this order: security headers on every answer,
     * refusals included; then whether this server is the one asked (Host); then whether a write may come from
     * where it comes and is JSON of a bounded length; then the token.
     */
    static void guard(Javalin app, ApiAccess access) {
        app.before(SecurityHeaders::add);
        app.before(new HostAllowlist(access.allowedHosts())::check);
        app.before(new WriteCheck(access.maxBodyBytes())::check);
        app.before(access.token()::check);
        app.exception(RefusedRequestException.class, (e, ctx) -> ctx.status(e.status())
                .json(new ApiError(e.error(), e.getMessage())));
        app.exception(ApiToken.UnauthorizedException.class, (e, ctx) -> ctx.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer").json(new ApiError("unauthorized", e.getMessage())));
    }

    private static void routes(Javalin app, SearchController search, ArticleController articles) {
        app.get("/api/search", search::search);
        app.get("/api/articles/{id}", articles::article);
        app.get("/api/articles/{id}/similar", articles::similar);
    }

    static void errors(Javalin app) {
        app.exception(InvalidSearchException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ApiError("invalid parameter '" + e.parameter() + "'", e.getMessage())));
        app.exception(UnknownArticleException.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                .json(new ApiError("no such article", e.getMessage())));
        app.exception(StreamFullException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "30").json(new ApiError("too many stream clients", e.getMessage())));
        app.exception(ExportsBusyException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "10").json(new ApiError("too many exports", e.getMessage())));
        app.exception(SearchTimeoutException.class, (e, ctx) -> ctx.status(HttpStatus.GATEWAY_TIMEOUT)
                .json(new ApiError("search timed out", e.getMessage())));
        app.exception(SearchUnavailableException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .json(new ApiError("search unavailable", e.getMessage())));
        app.exception(InvalidRuleException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ApiError("invalid rule field '" + e.field() + "'", e.getMessage())));
        app.exception(TooManyRulesException.class, (e, ctx) -> ctx.status(HttpStatus.CONFLICT)
                .json(new ApiError("too many rules", e.getMessage())));
        app.exception(UnknownRuleException.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                .json(new ApiError("no such rule", e.getMessage())));
        app.exception(RuleStoreUnavailableException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .json(new ApiError("rules unavailable", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ApiError("internal error", e.getClass().getSimpleName()));
        });
    }
}
