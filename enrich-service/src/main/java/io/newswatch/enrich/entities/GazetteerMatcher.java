package io.newswatch.enrich.entities;

import io.newswatch.enrich.entities.AliasTrie.Candidate;
import io.newswatch.events.EntityMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds mentions of {@link Gazetteer} entries in text: aliases on word boundaries (Unicode
 * letters, digits and marks make words, so "EU" is not found in "EUROPE" and "Pashinyan's" gives
 * "Pashinyan"), the longest alias at a position wins ("Heydar Aliyev" over "Aliyev"), matches do
 * not overlap. Case is ignored except for case-sensitive aliases ({@link Alias}).
 *
 * <p>When an alias names several entries, an entry with context cues is chosen if one of its cues
 * occurs within {@value #CONTEXT_WINDOW} chars of the mention, else the entry without cues.
 *
 * <p>Offsets are Java {@code String} indices (UTF-16 code units), end exclusive. Immutable and
 * thread-safe; pure (no I/O).
 */
public final class GazetteerMatcher {
    /** Chars on each side of a mention searched for context cues. */
    static final int CONTEXT_WINDOW = 200;

    private final AliasTrie trie = new AliasTrie();

    /** Indexes every alias of {@code gazetteer}; throws if an alias is shared ambiguously. */
    public GazetteerMatcher(Gazetteer gazetteer) {
        for (KbEntry entry : gazetteer.entries()) index(entry);
        checkUnambiguous(gazetteer.source());
    }

    /** The mentions in {@code text}, in text order. */
    public List<EntityMention> find(String text) {
        List<EntityMention> mentions = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Optional<Match> match = Tokens.startsWord(text, i) ? longestAt(text, i) : Optional.empty();
            if (match.isPresent()) {
                mentions.add(match.get().toMention(text));
                i = match.get().end();
            } else {
                i++;
            }
        }
        return mentions;
    }

    /**
     * {@code text} as aliases are compared: case and typographic variants folded. Two aliases with
     * the same folded form are the same alias.
     */
    public static String fold(String text) {
        return Tokens.fold(text);
    }

    /** Number of distinct (folded) alias forms indexed, including generated case forms. */
    public int aliasForms() {
        return trie.size();
    }

    private void index(KbEntry entry) {
        for (Alias alias : entry.aliases()) {
            trie.add(new Candidate(alias.text(), alias.caseSensitive(), false, entry));
            if (alias.caseSensitive()) continue;
            for (String form : Inflections.variants(alias.text())) trie.add(new Candidate(form, false, true, entry));
        }
    }

    private Optional<Match> longestAt(String text, int start) {
        Match[] best = new Match[1];
        trie.walk(text, start, (end, candidates) -> {
            if (!Tokens.endsWord(text, end)) return;
            choose(candidates, text, start, end).ifPresent(entry -> best[0] = new Match(start, end, entry));
        });
        return Optional.ofNullable(best[0]);
    }

    private static Optional<KbEntry> choose(List<Candidate> candidates, String text, int start, int end) {
        List<Candidate> matching = candidates.stream()
                .filter(c -> !c.caseSensitive() || text.regionMatches(start, c.surface(), 0, c.surface().length()))
                .toList();
        boolean anyWritten = matching.stream().anyMatch(c -> !c.generated());
        List<KbEntry> entries = matching.stream().filter(c -> !anyWritten || !c.generated())
                .map(Candidate::entry).distinct().toList();
        return entries.stream().filter(e -> e.needsContext() && cued(e, text, start, end)).findFirst()
                .or(() -> entries.stream().filter(e -> !e.needsContext()).findFirst());
    }

    private static boolean cued(KbEntry entry, String text, int start, int end) {
        String around = text.substring(Math.max(0, start - CONTEXT_WINDOW), Math.min(text.length(), end + CONTEXT_WINDOW));
        return entry.context().stream().anyMatch(around::contains);
    }

    private void checkUnambiguous(String source) {
        for (List<Candidate> candidates : trie.allCandidateLists()) {
            List<KbEntry> defaults = candidates.stream().filter(c -> !c.generated())
                    .map(Candidate::entry).filter(e -> !e.needsContext()).distinct().toList();
            if (defaults.size() > 1) {
                throw new IllegalArgumentException(source + ": alias '" + candidates.get(0).surface()
                        + "' names " + defaults.stream().map(KbEntry::id).collect(Collectors.joining(", "))
                        + "; keep it on one entry or give the others context cues");
            }
        }
    }

    private record Match(int start, int end, KbEntry entry) {
        EntityMention toMention(String text) {
            String country = entry.type() == EntityType.LOCATION ? entry.country() : null;
            return new EntityMention(text.substring(start, end), entry.type().name(), start, end, entry.id(),
                    entry.name(), country, null);
        }
    }
}
