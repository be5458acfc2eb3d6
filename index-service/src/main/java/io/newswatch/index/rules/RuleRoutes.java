package io.newswatch.index.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.newswatch.events.EventJson;
import io.newswatch.index.web.ApiToken;
import io.newswatch.index.search.ArticleSearch;
import io.newswatch.index.search.SearchParams;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/rules}: create, list, read, replace and delete rules, and run one over the archive
 * ({@code /matches}, the same hits as {@code /api/search} with the rule's query as {@code q}).
 * Errors are the exceptions of this package, mapped to JSON by the web server. Webhook URLs are shown
 * masked except to a request bearing the API token ({@link WebhookMask}); a write that sends the masked
 * form back keeps the stored URL.
 */
public final class RuleRoutes {
    private final RuleStore rules;
    private final ArticleSearch search;
    private final ApiToken token;

    public RuleRoutes(RuleStore rules, ArticleSearch search, ApiToken token) {
        this.rules = rules;
        this.search = search;
        this.token = token;
    }

    /** Adds the routes to {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.post("/api/rules", this::create);
        routes.get("/api/rules", this::list);
        routes.get("/api/rules/{id}", this::read);
        routes.put("/api/rules/{id}", this::replace);
        routes.delete("/api/rules/{id}", this::delete);
        routes.get("/api/rules/{id}/matches", this::matches);
    }

    private void create(Context ctx) {
        Rule rule = rules.create(body(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/rules/" + rule.id()).json(response(ctx, rule));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("rules", rules.all().stream().map(r -> response(ctx, r)).toList()));
    }

    private void read(Context ctx) {
        ctx.json(response(ctx, existing(ctx)));
    }

    private void replace(Context ctx) {
        ctx.json(response(ctx, rules.update(ctx.pathParam("id"), body(ctx))));
    }

    private void delete(Context ctx) {
        rules.delete(ctx.pathParam("id"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** Paging and filter parameters of {@code /api/search} apply; {@code q} is the rule's query. */
    private void matches(Context ctx) {
        Rule rule = existing(ctx);
        if (rule.definition().spike() != null) {
            throw new InvalidRuleException("query", "rule " + rule.id() + " is a spike rule: it has no query to run "
                    + "over the archive (see GET /api/trending for the counts)");
        }
        Map<String, List<String>> params = new HashMap<>(ctx.queryParamMap());
        params.put("q", List.of(rule.definition().query()));
        ctx.json(search.search(SearchParams.parse(params)));
    }

    private RuleResponse response(Context ctx, Rule rule) {
        return RuleResponse.of(rule, token.presentedIn(ctx));
    }

    private Rule existing(Context ctx) {
        String id = ctx.pathParam("id");
        return rules.find(id).orElseThrow(() -> new UnknownRuleException(id));
    }

    private static RuleRequest body(Context ctx) {
        try {
            RuleRequest request = EventJson.mapper().readValue(ctx.bodyAsBytes(), RuleRequest.class);
            if (request == null) throw new InvalidRuleException("body", "the body must be a JSON rule");
            return request;
        } catch (IOException e) {
            throw new InvalidRuleException("body", "the body must be a JSON rule {name, query, webhook?, secret?, "
                    + "enabled?, payload?, throttle?}: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }
}
