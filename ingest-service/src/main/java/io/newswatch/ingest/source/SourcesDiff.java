package io.newswatch.ingest.source;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions of the sources file, by source name.
 *
 * @param added   names only in the new version
 * @param removed names only in the old version
 * @param changed names in both, with any field changed
 */
public record SourcesDiff(List<String> added, List<String> removed, List<String> changed) {

    public SourcesDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** The changes from {@code before} to {@code after}. */
    public static SourcesDiff between(List<Source> before, List<Source> after) {
        Map<String, Source> old = byName(before);
        Map<String, Source> now = byName(after);
        return new SourcesDiff(
                after.stream().map(Source::name).filter(n -> !old.containsKey(n)).toList(),
                before.stream().map(Source::name).filter(n -> !now.containsKey(n)).toList(),
                after.stream().filter(s -> old.containsKey(s.name()) && !old.get(s.name()).equals(s))
                        .map(Source::name).toList());
    }

    /** True when nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** "added [a], removed [], changed [b]". */
    @Override
    public String toString() {
        return "added " + added + ", removed " + removed + ", changed " + changed;
    }

    private static Map<String, Source> byName(List<Source> sources) {
        return sources.stream().collect(Collectors.toMap(Source::name, Function.identity()));
    }
}
