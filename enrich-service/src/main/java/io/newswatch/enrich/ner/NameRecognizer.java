package io.newswatch.enrich.ner;

import io.newswatch.enrich.entities.Alias;
import io.newswatch.enrich.entities.EntityType;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.entities.GazetteerMatcher;
import io.newswatch.enrich.entities.KbEntry;
import io.newswatch.enrich.ner.Paragraphs.Line;
import io.newswatch.events.EntityMention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * Adds names outside the knowledge base to the knowledge base's mentions of an English text.
 *
 * <ol>
 *   <li>Capitalised lines (the headline, all-caps and title-case lines, {@link Paragraphs}) are
 *       recased from the document's own body and the model's common words ({@link Recaser}).</li>
 *   <li>The tagger reads the text line by line: the headline and lines in capitals as written, by its
 *       caseless model ({@link NameTagger#tagCaseless}), other lines as recased. What it finds is tidied
 *       and junk is dropped ({@link NameFilter}; capitals mark a label only where a label stands: alone
 *       on its line or before a colon); in a results table in capitals a place before a score is a team
 *       ({@link ResultsTables}). On a capitalised line a name of mostly common words ("Says") is not a name.</li>
 *   <li>The knowledge base wins where it overlaps a tagged name, except inside a longer organisation,
 *       place or other (MISC) name the tagger read ({@link Containment}: "National Bank of Poland",
 *       "U.S. Open").</li>
 *   <li>The remaining names become entities of the document ({@link DocumentEntities}: one id per
 *       entity, "Qasimli" linked to "Azer Qasimli"). Each name the tagger found is a mention with the
 *       tagger's own span and, on ordinary lines, its own type (it read the name in its sentence; a
 *       person's surname takes the person); on capitalised lines it takes the entity's type, and other
 *       occurrences of the document's names there are mentions too ("SHEARER" in the headline once the
 *       body names Shearer). Occurrences on ordinary lines the tagger did not take for a name stay out.</li>
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
        List<FoundName> found = tagged(text, cased, lines);
        List<EntityMention> kb = Containment.outside(cased, known, found);
        List<FoundName> unknown = found.stream()
                .filter(n -> !NameTagger.MISC.equals(n.type()) && !overlapsAny(n.start(), n.end(), kb)).toList();
        List<KbEntry> entities = DocumentEntities.link(cased, unknown);
        if (entities.isEmpty()) return kb;
        Map<String, KbEntry> byForm = new HashMap<>();
        for (KbEntry entity : entities) {
            for (Alias alias : entity.aliases()) byForm.putIfAbsent(GazetteerMatcher.fold(alias.text()), entity);
        }
        List<EntityMention> all = new ArrayList<>(kb);
        for (FoundName name : unknown) {
            KbEntry entity = byForm.get(GazetteerMatcher.fold(name.in(cased).replaceAll("\\s+", " ")));
            all.add(mention(text, name, entity, onCapitalised(name, lines)));
        }
        List<EntityMention> named = new ArrayList<>(all);
        GazetteerMatcher matcher = new GazetteerMatcher(new Gazetteer("names in the document", "-", entities));
        for (EntityMention m : matcher.find(cased)) {
            if (overlapsAny(m.start(), m.end(), named)) continue;
            if (!onCapitalised(new FoundName(m.type(), m.start(), m.end()), lines)) continue; // the tagger read the body
            all.add(new EntityMention(text.substring(m.start(), m.end()), m.type(), m.start(), m.end(), m.canonicalId(),
                    m.canonicalName(), m.country(), m.sentiment()));
        }
        all.sort(Comparator.comparingInt(EntityMention::start));
        return all;
    }

    /**
     * A name the tagger found, as a mention: the tagger's span and type on ordinary lines (it read the
     * name in its sentence); on a capitalised line, or for a person's surname, the document's entity.
     */
    private static EntityMention mention(String text, FoundName name, KbEntry entity, boolean capitalised) {
        String written = text.substring(name.start(), name.end());
        boolean useEntity = entity != null && (capitalised || entity.type() == EntityType.PERSON
                || entity.type().name().equals(name.type()));
        String type = useEntity ? entity.type().name() : name.type();
        String id = useEntity ? entity.id() : DocumentEntities.id(type, written.replaceAll("\\s+", " "));
        String canonical = useEntity ? entity.name() : written.replaceAll("\\s+", " ");
        return new EntityMention(written, type, name.start(), name.end(), id, canonical, null, null);
    }

    /** The tagger's model version. */
    public String version() {
        return tagger.version();
    }

    /** What the tagger finds, tidied and filtered, names of ordinary lines first. */
    private List<FoundName> tagged(String text, String cased, List<Line> lines) {
        List<FoundName> names = new ArrayList<>();
        List<FoundName> capitalised = new ArrayList<>();
        int budget = MAX_TAGGED;
        for (Line line : lines) {
            budget -= line.end() - line.start();
            if (budget < 0) break; // the knowledge base still reads it all; the tagger's share is bounded
            boolean caselessLine = tagger.caseless() && (line.caps() || line.headline());
            List<FoundName> read = caselessLine ? tagger.tagCaseless(text, line.start(), line.end())
                    : tagger.tagWithMisc(cased, line.start(), line.end());
            for (FoundName found : read) {
                NameFilter.tidy(cased, found, line.caps() || !labelPosition(cased, line, found))
                        .filter(name -> !line.capitalised() || !commonWord(name.in(cased)))
                        .map(name -> line.caps() ? ResultsTables.retype(cased, line.start(), line.end(), name) : name)
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

    private static final Pattern LABEL_END = Pattern.compile("\\G[\\s\\p{P}&&[^,(]]*(?::.*)?$");
    private static final Pattern LABEL_START = Pattern.compile("[\\s\\p{P}]*");

    /**
     * Where a section label stands: alone on its line ("SEE ALSO", "ADVERTISEMENT") or before a colon
     * ("WATCH: ..."). Elsewhere capitals are a name written in capitals ("DETROIT 4 Kansas City 0",
     * "BIRMINGHAM , England").
     */
    private static boolean labelPosition(String text, Line line, FoundName found) {
        return LABEL_START.matcher(text).region(line.start(), found.start()).matches()
                && LABEL_END.matcher(text).region(found.end(), line.end()).lookingAt();
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
