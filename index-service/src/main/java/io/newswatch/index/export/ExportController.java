package io.newswatch.index.export;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.newswatch.events.EventJson;
import io.newswatch.index.search.ArticleScan;
import io.newswatch.index.search.ArticleSearch;
import io.newswatch.index.search.InvalidSearchException;
import io.newswatch.index.search.SearchParams;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /api/search/export?format=csv|jsonl&limit=&q=&<filters>&sort=}: every article the
 * search finds, up to {@link #MAX_LIMIT}, streamed as CSV or JSON Lines. The headers
 * {@code X-Total-Count} (matches) and {@code X-Export-Limit} (the cap applied) say whether the
 * file holds all of them. Parameter errors are 400s, raised before anything is written. The pages
 * are read from one point in time (see {@link ArticleScan}), released when the export ends.
 */
public final class ExportController {
    /** Most articles one export holds. */
    public static final int MAX_LIMIT = 10_000;
    private static final List<String> PAGING = List.of("size", "after");

    private final ArticleSearch search;
    /** Exports running now; each holds a point in time and streams up to 10,000 articles. */
    private final Semaphore running;

    /** @param maxConcurrent exports allowed at once ({@code search.max-concurrent-exports}) */
    public ExportController(ArticleSearch search, int maxConcurrent) {
        this.search = search;
        this.running = new Semaphore(maxConcurrent);
    }

    /** Adds the route to {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/search/export", this::export);
    }

    private void export(Context ctx) throws IOException {
        Map<String, List<String>> params = new HashMap<>(ctx.queryParamMap());
        ExportFormat format = ExportFormat.parse(take(params, "format", "csv"));
        int limit = limit(take(params, "limit", String.valueOf(MAX_LIMIT)));
        for (String name : PAGING) {
            if (params.containsKey(name)) {
                throw new InvalidSearchException(name, "an export walks all pages itself: leave out '" + name + "'");
            }
        }
        SearchParams query = SearchParams.parse(params);
        if (!running.tryAcquire()) throw new ExportsBusyException();
        try (ArticleScan scan = search.scan(query, limit)) {
            ctx.contentType(format.contentType)
                    .header("Content-Disposition", "attachment; filename=\"newswatch-export." + format.extension + "\"")
                    .header("X-Total-Count", String.valueOf(scan.total()))
                    .header("X-Export-Limit", String.valueOf(limit));
            Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
            write(scan, format, out);
            out.flush();
        } finally {
            running.release();
        }
    }

    private static void write(ArticleScan scan, ExportFormat format, Writer out) throws IOException {
        if (format == ExportFormat.CSV) out.write(Csv.record(ExportRow.COLUMNS));
        while (scan.hasNext()) {
            ExportRow row = ExportRow.of(scan.next());
            out.write(format == ExportFormat.CSV ? Csv.record(row.cells()) : json(row) + "\n");
        }
    }

    private static String json(ExportRow row) {
        try {
            return EventJson.mapper().writeValueAsString(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String take(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.remove(name);
        if (values == null || values.isEmpty()) return fallback;
        if (values.size() > 1) throw new InvalidSearchException(name, name + " may be given once");
        return values.get(0).trim();
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) return limit;
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new InvalidSearchException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT
                + ", was '" + value + "'");
    }
}
