package io.newswatch.ingest.listing;

import io.newswatch.ingest.feed.FeedItem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The saved pages of a files source: the file itself, or every page file under the folder, sorted. */
final class LocalPages {
    private static final int MAX_DEPTH = 16;

    private LocalPages() {}

    static List<FeedItem> list(URI location) throws IOException {
        Path root = Path.of(location);
        if (!Files.exists(root)) throw new IOException("no such file or folder: " + root);
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            return files.filter(Files::isRegularFile).filter(LocalPages::isPage).sorted()
                    .map(p -> new FeedItem(p.toUri().toString(), null, "", null)).toList();
        }
    }

    /** True for {@code .html}, {@code .htm} and their {@code .gz} forms. */
    static boolean isPage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        return name.endsWith(".html") || name.endsWith(".htm");
    }
}
