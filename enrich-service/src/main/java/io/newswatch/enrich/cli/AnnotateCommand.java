package io.newswatch.enrich.cli;

import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.enrich.sentiment.SentimentStage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code annotate}: the enricher of the stream, over JSON Lines from stdin. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {
            "Reads JSON Lines {id, text, targets?:[{start, end}]} from stdin and writes one line per input line,",
            "in order: {id, language, entities:[{text, type, start, end, canonicalId, canonicalName, sentiment}],",
            "sentiment:{score, label}, targets:[{start, end, sentiment:{score, label}}]}.",
            "Offsets are UTF-16 code units (Java String indices) into text, end exclusive. Sentiment is",
            "computed for English text (null otherwise). A bad line gives {id, line, error};",
            "processing goes on and the exit status is 1."})
final class AnnotateCommand implements Callable<Integer> {
    private final InputStream in;
    private final OutputStream out;
    private final PrintStream err;
    @Mixin
    SentimentModelOption sentimentModel = new SentimentModelOption();

    AnnotateCommand(InputStream in, OutputStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        BundledSentimentModel sentiment = sentimentModel.model();
        Annotator annotator = new Annotator(Enricher.standard(Gazetteer.bundled(), sentiment, Clock.systemUTC()),
                SentimentStage.of(sentiment));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        int failed = annotator.annotate(reader, writer);
        writer.flush();
        if (failed > 0) err.println("annotate: " + failed + " line(s) could not be annotated (see their \"error\")");
        return failed == 0 ? 0 : 1;
    }
}
