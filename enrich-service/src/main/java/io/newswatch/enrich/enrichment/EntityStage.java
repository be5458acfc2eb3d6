package io.newswatch.enrich.enrichment;

import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.entities.GazetteerMatcher;
import io.newswatch.enrich.ner.CrfNameTagger;
import io.newswatch.enrich.ner.NameRecognizer;
import io.newswatch.enrich.ner.NameTagger;
import io.newswatch.events.EntityMention;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entity mentions: the regional knowledge base in every language, then, in English text, the
 * names outside it ({@link NameRecognizer}). The knowledge base wins where the two overlap.
 */
final class EntityStage implements EnrichmentStage {
    /** The language the name tagger's model knows. */
    static final String ENGLISH = "en";

    private final GazetteerMatcher matcher;
    private final String kbVersion;
    private final Supplier<NameTagger> tagger;
    private final String nerVersion;

    /** The knowledge base and the shared CoreNLP tagger, loaded when the first English text arrives. */
    EntityStage(Gazetteer gazetteer) {
        this(gazetteer, CrfNameTagger::shared, CrfNameTagger.VERSION);
    }

    /** The knowledge base and {@code tagger} (tests). */
    EntityStage(Gazetteer gazetteer, NameTagger tagger) {
        this(gazetteer, () -> tagger, tagger.version());
    }

    private EntityStage(Gazetteer gazetteer, Supplier<NameTagger> tagger, String nerVersion) {
        this.matcher = new GazetteerMatcher(gazetteer);
        this.kbVersion = gazetteer.versionTag();
        this.tagger = tagger;
        this.nerVersion = nerVersion;
    }

    @Override
    public Analysis apply(Analysis analysis) {
        List<EntityMention> known = matcher.find(analysis.text());
        if (!ENGLISH.equals(analysis.language())) return analysis.withEntities(known);
        NameRecognizer recognizer = new NameRecognizer(tagger.get());
        return analysis.withEntities(recognizer.addNames(analysis.text(), analysis.titleEnd(), known));
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("kb", kbVersion, "ner", nerVersion);
    }
}
