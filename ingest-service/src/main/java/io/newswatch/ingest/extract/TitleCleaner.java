package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Removes the site name pages append to or put before their headline ("Headline | Site"). */
final class TitleCleaner {
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\u2013\u2014\u00bb\u00b7\u2022-]\\s+|\\s*\\|\\s*");
    private static final int SHORT_PART_WORDS = 4;

    private TitleCleaner() {}

    /**
     * The headline of {@code title}: a part that is the site name is dropped; when {@code guess} is
     * set (a {@code <title>}), a short last or first part is dropped as a site name too.
     */
    static String clean(String title, Optional<String> siteName, boolean guess) {
        String normalised = title == null ? "" : title.replaceAll("\\s+", " ").strip();
        List<String> parts = new ArrayList<>(Arrays.asList(SEPARATOR.split(normalised)));
        if (parts.size() < 2) return normalised;
        if (siteName.isPresent() && parts.removeIf(p -> sameName(p, siteName.get())) && !parts.isEmpty()) {
            return String.join(" - ", parts);
        }
        if (!guess) return normalised;
        String last = parts.get(parts.size() - 1);
        String first = parts.get(0);
        if (words(last) <= SHORT_PART_WORDS && words(last) < words(first)) parts.remove(parts.size() - 1);
        else if (words(first) <= SHORT_PART_WORDS && words(first) < words(last)) parts.remove(0);
        return String.join(" - ", parts);
    }

    private static boolean sameName(String part, String siteName) {
        String a = part.toLowerCase(Locale.ROOT).replaceAll("\\W", "");
        String b = siteName.toLowerCase(Locale.ROOT).replaceAll("\\W", "");
        return !a.isEmpty() && (a.equals(b) || (b.length() > 3 && a.contains(b)) || (a.length() > 3 && b.contains(a)));
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
