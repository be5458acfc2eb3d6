package io.newswatch.enrich.cli;

import io.newswatch.enrich.cli.NerCorpus.Doc;
import io.newswatch.enrich.cli.NerCorpus.Span;
import io.newswatch.enrich.enrichment.Analysis;
import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.enrichment.EnrichmentStage;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.ner.CrfNameTagger;
import io.newswatch.enrich.ner.FoundName;
import io.newswatch.events.EntityMention;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-ner}: English names (PER, ORG, LOC; exact spans) of the entity stage the stream runs,
 * scored on labelled documents, on the fixed tuning and held-out halves ({@link Doc#heldOut}) and all.
 */
@Command(name = "bench-ner", mixinStandardHelpOptions = true,
        description = {"Scores English names (PER/ORG/LOC, exact spans; MISC is not scored: true MISC names are",
            "dropped, a MISC name found as PER/ORG/LOC counts as a false positive) of the stream's entity stage",
            "(knowledge base + CoreNLP + the rules around it) on labelled documents:",
            "  CoNLL-2003 columns (token POS chunk tag, -DOCSTART- documents; sentences become lines,",
            "  the first one the headline), or JSON Lines {id, text, entities:[{start, end, type}]}.",
            "Prints precision/recall/F1 per type for the tuning half (CRC-32 of the document's text even),",
            "the held-out half (odd) and all documents, and words/s on one thread after a warm-up."})
final class BenchNerCommand implements Callable<Integer> {
    private static final Pattern LINE = Pattern.compile("[^\\n]+");

    @Option(names = "--data", required = true, description = "labelled documents (CoNLL or .jsonl)")
    Path data;

    @Option(names = "--crf-only", description = "CoreNLP's cased CRF alone on every line: no knowledge base, no rules (the anchor)")
    boolean crfOnly;

    @Option(names = "--errors", description = "also print the misses and false positives of the TUNING half")
    boolean errors;

    private final PrintStream out;

    BenchNerCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        List<Doc> docs = NerCorpus.read(data);
        if (docs.isEmpty()) throw new IllegalArgumentException("no documents in " + data);
        Function<Doc, List<Span>> annotator = crfOnly ? BenchNerCommand::crf : entityStage();
        for (Doc doc : docs.subList(0, Math.min(20, docs.size()))) annotator.apply(doc); // models loaded, JIT warm
        NerScore tuning = new NerScore();
        NerScore heldOut = new NerScore();
        NerScore all = new NerScore();
        long words = 0;
        long nanos = 0;
        int[] halves = new int[2];
        for (Doc doc : docs) {
            long started = System.nanoTime();
            List<Span> found = annotator.apply(doc);
            nanos += System.nanoTime() - started;
            words += doc.words();
            (doc.heldOut() ? heldOut : tuning).add(doc.truth(), found);
            all.add(doc.truth(), found);
            halves[doc.heldOut() ? 1 : 0]++;
            if (errors && !doc.heldOut()) printErrors(doc, found);
        }
        out.printf(Locale.ROOT, "%s on %s: %d documents (tuning %d, held-out %d), %d words%n",
                crfOnly ? "corenlp-" + CrfNameTagger.CORENLP_VERSION + "/" + CrfNameTagger.MODEL + " alone" : "newswatch entity stage", data, docs.size(), halves[0],
                halves[1], words);
        out.print(tuning.report("tuning"));
        out.print(heldOut.report("held-out"));
        out.print(all.report("all"));
        out.printf(Locale.ROOT, "speed: %.0f words/s, %.1f ms per document (one thread, warm)%n", words / (nanos / 1e9),
                nanos / 1e6 / docs.size());
        out.flush();
        return 0;
    }

    private static Function<Doc, List<Span>> entityStage() {
        EnrichmentStage stage = Enricher.entityStage(Gazetteer.bundled());
        return doc -> {
            Analysis start = new Analysis(doc.text(), "en", "en", List.of(), null, List.of(), doc.titleEnd());
            List<Span> found = new ArrayList<>();
            for (EntityMention m : stage.apply(start).entities()) {
                String type = NerCorpus.type(m.type());
                if (type != null) found.add(new Span(type, m.start(), m.end()));
            }
            return found;
        };
    }

    /** CoreNLP's tagger on each line, as it is: what it would score without newswatch. */
    private static List<Span> crf(Doc doc) {
        List<Span> found = new ArrayList<>();
        Matcher line = LINE.matcher(doc.text());
        while (line.find()) {
            for (FoundName name : CrfNameTagger.shared().tag(doc.text(), line.start(), line.end())) {
                found.add(new Span(NerCorpus.type(name.type()), name.start(), name.end()));
            }
        }
        return found;
    }

    private void printErrors(Doc doc, List<Span> found) {
        Set<Span> truth = new HashSet<>(doc.truth());
        Set<Span> got = new HashSet<>(found);
        for (Span s : doc.truth()) if (!got.contains(s)) out.println("  miss " + describe(doc, s));
        for (Span s : found) if (!truth.contains(s)) out.println("  fp   " + describe(doc, s));
    }

    private static String describe(Doc doc, Span s) {
        String text = doc.text();
        int lineStart = text.lastIndexOf('\n', s.start() - 1) + 1;
        int lineEnd = text.indexOf('\n', s.end());
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        return String.format(Locale.ROOT, "doc %s %s '%s' | %s", doc.id(), s.type(), text.substring(s.start(), s.end()),
                line.length() > 110 ? line.substring(0, 110) : line);
    }
}
