package io.newswatch.enrich.ner;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Stanford CoreNLP's CRF name tagger with its CoNLL 4-class model ({@value #MODEL}), without the
 * rest of the CoreNLP pipeline, and the same model trained on case-folded text ({@value #CASELESS_MODEL})
 * for headlines and lines in capitals ({@link #tagCaseless}): on conllpp dev it reads those lines
 * better than the cased model on recased text (F1 0.912 -> 0.915). The build unpacks only these two
 * models from the CoreNLP models jars. MISC names (nationalities, events) are not reported: users
 * filter on people, organisations and places.
 *
 * <p>The CoNLL model was chosen over {@code english.all.3class.distsim} on the seed article: it
 * finds "Pashinian" (the 3-class model does not), loads in half the time and needs ~40 MB less heap.
 *
 * <p>Loading takes a few seconds and some 100 MB of heap per model, so one tagger is shared per JVM
 * ({@link #shared()}, loaded on first use). Classification does not change the classifier, so
 * the shared tagger is used by several threads at once (CoreNLP's own multi-threaded NER shares
 * one classifier the same way); a test checks that concurrent results equal sequential ones.
 */
public final class CrfNameTagger implements NameTagger {
    /** The model's name in the CoreNLP models jar. */
    public static final String MODEL = "english.conll.4class.distsim";
    /** The same model trained on case-folded text, for headlines and lines in capitals. */
    public static final String CASELESS_MODEL = "english.conll.4class.caseless.distsim";
    /** CoreNLP release the model comes from (the parent pom's {@code corenlp.version}). */
    public static final String CORENLP_VERSION = "4.5.10";
    /** What {@link #version()} returns, known without loading the model. */
    public static final String VERSION = "corenlp-" + CORENLP_VERSION + "/" + MODEL + "+" + CASELESS_MODEL;
    static final String RESOURCE = "/edu/stanford/nlp/models/ner/" + MODEL + ".crf.ser.gz";
    static final String CASELESS_RESOURCE = "/edu/stanford/nlp/models/ner/" + CASELESS_MODEL + ".crf.ser.gz";
    private static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");
    private static final String MISC = NameTagger.MISC;

    private final AbstractSequenceClassifier<CoreLabel> classifier;
    private final AbstractSequenceClassifier<CoreLabel> caselessClassifier;

    private CrfNameTagger(AbstractSequenceClassifier<CoreLabel> classifier, AbstractSequenceClassifier<CoreLabel> caseless) {
        this.classifier = classifier;
        this.caselessClassifier = caseless;
    }

    /** The tagger shared by everything in this JVM, loaded by the first caller. */
    public static CrfNameTagger shared() {
        return Shared.TAGGER;
    }

    /** Loads the bundled models (seconds); prefer {@link #shared()}. */
    static CrfNameTagger load() {
        return new CrfNameTagger(classifier(RESOURCE), classifier(CASELESS_RESOURCE));
    }

    private static AbstractSequenceClassifier<CoreLabel> classifier(String resource) {
        try (InputStream in = CrfNameTagger.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the classpath");
            return CRFClassifier.getClassifier(new BufferedInputStream(new GZIPInputStream(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(resource + " does not match CoreNLP " + CORENLP_VERSION, e);
        }
    }

    @Override
    public List<FoundName> tag(String text, int from, int to) {
        return tagWithMisc(text, from, to).stream().filter(n -> TYPES.contains(n.type())).toList();
    }

    @Override
    public List<FoundName> tagWithMisc(String text, int from, int to) {
        return classify(classifier, text, from, to);
    }

    @Override
    public List<FoundName> tagCaseless(String text, int from, int to) {
        return classify(caselessClassifier, text, from, to);
    }

    @Override
    public boolean caseless() {
        return true;
    }

    private static List<FoundName> classify(AbstractSequenceClassifier<CoreLabel> model, String text, int from, int to) {
        List<FoundName> names = new ArrayList<>();
        for (Triple<String, Integer, Integer> span : model.classifyToCharacterOffsets(text.substring(from, to))) {
            if (TYPES.contains(span.first()) || MISC.equals(span.first())) {
                names.add(new FoundName(span.first(), from + span.second(), from + span.third()));
            }
        }
        return names;
    }

    /** The words CoreNLP's model met in lower case in its training news (about 10,000), kept in the model. */
    @Override
    public boolean commonWord(String lowerCase) {
        return classifier.getKnownLCWords().contains(lowerCase);
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** Holder: the model is read when {@link #shared()} is first called, not when the class loads. */
    private static final class Shared {
        static final CrfNameTagger TAGGER = load();
    }
}
