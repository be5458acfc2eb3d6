package io.newswatch.enrich.ner;

import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.entities.GazetteerMatcher;
import io.newswatch.enrich.entities.KbEntry;
import io.newswatch.events.EntityMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adds names outside the knowledge base to the knowledge base's mentions of an English text.
 *
 * <ol>
 *   <li>The tagger reads the text line by line, skipping the headline and other title-case lines
 *       ({@link Paragraphs}); what it finds is tidied and junk is dropped ({@link NameFilter}).</li>
 *   <li>Names overlapping a knowledge-base mention are dropped: the knowledge base wins, and a name
 *       the tagger found that is written as a knowledge-base alias is already a linked mention.</li>
 *   <li>The remaining names become entities of the document ({@link DocumentEntities}: one id per
 *       entity, "Qasimli" linked to "Azer Qasimli"), and every occurrence of their forms anywhere
 *       in the text is a mention, so the headline reports only names the body has established.</li>
 * </ol>
 *
 * <p>Thread-safe when the tagger is.
 */
public final class NameRecognizer {
    private final NameTagger tagger;

    public NameRecognizer(NameTagger tagger) {
        this.tagger = tagger;
    }

    /**
     * {@code known} (knowledge-base mentions of {@code text}) and the mentions of other names, in
     * text order; the first {@code titleEnd} chars of the text are its headline.
     */
    public List<EntityMention> addNames(String text, int titleEnd, List<EntityMention> known) {
        List<KbEntry> entities = DocumentEntities.link(text, unknownNames(text, titleEnd, known));
        if (entities.isEmpty()) return known;
        List<EntityMention> all = new ArrayList<>(known);
        GazetteerMatcher matcher = new GazetteerMatcher(new Gazetteer("names in the document", "-", entities));
        for (EntityMention mention : matcher.find(text)) {
            if (!overlapsAny(mention.start(), mention.end(), known)) all.add(mention);
        }
        all.sort(Comparator.comparingInt(EntityMention::start));
        return all;
    }

    /** The tagger's model version. */
    public String version() {
        return tagger.version();
    }

    private List<FoundName> unknownNames(String text, int titleEnd, List<EntityMention> known) {
        List<FoundName> names = new ArrayList<>();
        for (int[] line : Paragraphs.taggable(text, titleEnd)) {
            for (FoundName found : tagger.tag(text, line[0], line[1])) {
                NameFilter.tidy(text, found).filter(name -> !overlapsAny(name.start(), name.end(), known))
                        .ifPresent(names::add);
            }
        }
        return names;
    }

    private static boolean overlapsAny(int start, int end, List<EntityMention> mentions) {
        for (EntityMention m : mentions) {
            if (m.start() < end && start < m.end()) return true;
        }
        return false;
    }
}
