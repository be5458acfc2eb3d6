package io.newswatch.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.newswatch.events.EventJson;
import java.util.function.Consumer;

/** Javalin servers configured the same way on every service: no banner, event-style JSON. */
public final class HttpServers {
    private HttpServers() {}

    /** A server not yet started; {@code extra} adds service-specific configuration and the routes (Javalin 7 takes
     *  every route up front, in the configuration). */
    public static Javalin create(Consumer<io.javalin.config.JavalinConfig> extra) {
        ObjectMapper json = EventJson.mapper();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.concurrency.useVirtualThreads = false;
            extra.accept(config);
        });
    }

    /** A started server with only {@code /health} and {@code /metrics} (ingest and enrich). */
    public static Javalin startOps(String host, int port, OpsRoutes ops) {
        return create(config -> ops.addTo(config.routes)).start(host, port);
    }
}
