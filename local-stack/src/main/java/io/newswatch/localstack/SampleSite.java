package io.newswatch.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bundled sample news site, served over HTTP on loopback: {@code /feed.xml} (RSS 2.0), article pages
 * under {@code /articles/}, an index page and {@code /robots.txt}. The demo and the end-to-end tests ingest it.
 */
public final class SampleSite implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<SampleArticle> articles;

    private SampleSite(HttpServer server, ExecutorService executor, List<SampleArticle> articles) {
        this.server = server;
        this.executor = executor;
        this.articles = articles;
    }

    /** Starts the site on {@code host:port} (0 picks a free port). */
    public static SampleSite start(String host, int port) {
        List<SampleArticle> articles = SampleArticle.loadAll();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "sample-site");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            SampleSite site = new SampleSite(server, executor, articles);
            server.createContext("/", site::handle);
            server.start();
            return site;
        } catch (java.net.BindException e) {
            throw new IllegalStateException("sample site: " + host + ":" + port + " is already in use", e);
        } catch (IOException e) {
            throw new UncheckedIOException("sample site cannot start on " + host + ":" + port, e);
        }
    }

    /** {@code http://host:port}, no trailing slash. */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    /** The RSS feed listing every article. */
    public String feedUrl() {
        return baseUrl() + "/feed.xml";
    }

    /** How many articles the feed lists. */
    public int articleCount() {
        return articles.size();
    }

    /** The URL of the article with this slug. */
    public String articleUrl(String slug) {
        return baseUrl() + SamplePages.path(find(slug).orElseThrow());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "method not allowed");
            } else if (path.equals("/") || path.equals("/index.html")) {
                send(exchange, 200, "text/html; charset=utf-8", SamplePages.index(articles));
            } else if (path.equals("/feed.xml")) {
                send(exchange, 200, "application/rss+xml; charset=utf-8", SamplePages.rss(baseUrl(), articles));
            } else if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n");
            } else {
                Optional<SampleArticle> article = path.startsWith("/articles/") && path.endsWith(".html")
                        ? find(path.substring("/articles/".length(), path.length() - ".html".length()))
                        : Optional.empty();
                if (article.isPresent()) {
                    send(exchange, 200, "text/html; charset=utf-8",
                            SamplePages.article(baseUrl(), article.get(), articles));
                } else {
                    send(exchange, 404, "text/html; charset=utf-8", "<h1>Not found</h1>");
                }
            }
        }
    }

    private Optional<SampleArticle> find(String slug) {
        return articles.stream().filter(a -> a.slug().equals(slug)).findFirst();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
