package io.newswatch.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.newswatch.events.EventJson;
import java.util.function.Consumer;

/** Javalin servers configured the same way on every service: no banner, event-style JSON. */
public final class HttpServers {
    private HttpServers() {}

    /** A server not yet started; {@code extra} adds service-specific configuration. */
    public static Javalin create(Consumer<io.javalin.config.JavalinConfig> extra) {
        ObjectMapper json = EventJson.mapper();
        return Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.useVirtualThreads = false;
            extra.accept(config);
        });
    }

    /** A started server with only {@code /health} and {@code /metrics} (ingest and enrich). */
    public static Javalin startOps(String host, int port, OpsRoutes ops) {
        Javalin app = create(config -> { });
        ops.addTo(app);
        return app.start(host, port);
    }
}
