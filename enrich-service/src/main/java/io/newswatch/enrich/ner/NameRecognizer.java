package io.newswatch.enrich.ner;

import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.entities.GazetteerMatcher;
import io.newswatch.enrich.entities.KbEntry;
import io.newswatch.enrich.ner.Paragraphs.Line;
import io.newswatch.events.EntityMention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Adds names outside the knowledge base to the knowledge base's mentions of an English text.
 *
 * <ol>
 *   <li>Capitalised lines (the headline, all-caps and title-case lines, {@link Paragraphs}) are
 *       recased from the document's own body and the model's common words ({@link Recaser}).</li>
 *   <li>The tagger reads the recased text line by line; what it finds is tidied and junk is
 *       dropped ({@link NameFilter}); a place before a score in a results table is a team
 *       ({@link ResultsTables}). On a capitalised line a single common word ("Says") is not a name.</li>
 *   <li>Names overlapping a knowledge-base mention are dropped: the knowledge base wins, and a name
 *       the tagger found that is written as a knowledge-base alias is already a linked mention.</li>
 *   <li>The remaining names become entities of the document ({@link DocumentEntities}: one id per
 *       entity, "Qasimli" linked to "Azer Qasimli"), and every occurrence of their forms anywhere
 *       in the recased text is a mention ("SHEARER" in the headline once the body names Shearer).</li>
 * </ol>
 *
 * <p>Thread-safe when the tagger is.
 */
public final class NameRecognizer {
    /** Chars of a text the tagger reads at most (about 30 long articles): bounds the time of a huge input. */
    static final int MAX_TAGGED = 200_000;
    private final NameTagger tagger;

    public NameRecognizer(NameTagger tagger) {
        this.tagger = tagger;
    }

    /**
     * {@code known} (knowledge-base mentions of {@code text}) and the mentions of other names, in
     * text order; the first {@code titleEnd} chars of the text are its headline.
     */
    public List<EntityMention> addNames(String text, int titleEnd, List<EntityMention> known) {
        List<Line> lines = Paragraphs.lines(text, titleEnd);
        String cased = Recaser.recase(text, lines, tagger::commonWord);
        List<FoundName> tagged = tagged(cased, lines);
        List<EntityMention> kb = Containment.outside(cased, known, tagged.stream().filter(n -> !onCapitalised(n, lines)).toList());
        List<FoundName> unknown = tagged.stream().filter(n -> !overlapsAny(n.start(), n.end(), kb)).toList();
        List<KbEntry> entities = DocumentEntities.link(cased, unknown);
        if (entities.isEmpty()) return kb;
        List<EntityMention> all = new ArrayList<>(kb);
        GazetteerMatcher matcher = new GazetteerMatcher(new Gazetteer("names in the document", "-", entities));
        for (EntityMention m : matcher.find(cased)) {
            if (overlapsAny(m.start(), m.end(), kb)) continue;
            all.add(new EntityMention(text.substring(m.start(), m.end()), m.type(), m.start(), m.end(), m.canonicalId(),
                    m.canonicalName(), m.country(), m.sentiment()));
        }
        all.sort(Comparator.comparingInt(EntityMention::start));
        return all;
    }

    /** The tagger's model version. */
    public String version() {
        return tagger.version();
    }

    /** What the tagger finds, tidied and filtered, names of ordinary lines first. */
    private List<FoundName> tagged(String cased, List<Line> lines) {
        List<FoundName> names = new ArrayList<>();
        List<FoundName> capitalised = new ArrayList<>();
        int budget = MAX_TAGGED;
        for (Line line : lines) {
            budget -= line.end() - line.start();
            if (budget < 0) break; // the knowledge base still reads it all; the tagger's share is bounded
            for (FoundName found : tagger.tag(cased, line.start(), line.end())) {
                NameFilter.tidy(cased, found, line.caps())
                        .filter(name -> !line.capitalised() || !commonWord(name.in(cased)))
                        .map(name -> ResultsTables.retype(cased, line.start(), line.end(), name))
                        .ifPresent(line.capitalised() ? capitalised::add : names::add);
            }
        }
        names.addAll(capitalised); // the body's reading of a name decides its type
        return names;
    }

    /**
     * Mostly words the model knows in lower case: a headline's verb ("Says"), a label ("SEE ALSO") or a
     * run of a title-case heading ("Constitutional Amendment That Could Lead To Peace"), not a name.
     */
    private boolean commonWord(String name) {
        List<String> words = Arrays.stream(name.split("[^\\p{L}]+")).filter(w -> !w.isEmpty()).toList();
        long common = words.stream().filter(w -> tagger.commonWord(w.toLowerCase(Locale.ROOT))).count();
        return common == words.size() || common * 2 > words.size();
    }

    private static boolean onCapitalised(FoundName name, List<Line> lines) {
        return lines.stream().anyMatch(l -> l.capitalised() && l.start() <= name.start() && name.end() <= l.end());
    }

    static boolean overlapsAny(int start, int end, List<EntityMention> mentions) {
        for (EntityMention m : mentions) {
            if (m.start() < end && start < m.end()) return true;
        }
        return false;
    }
}
