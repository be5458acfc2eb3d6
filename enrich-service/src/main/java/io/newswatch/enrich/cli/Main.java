package io.newswatch.enrich.cli;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.EnrichService;
import io.newswatch.support.Shutdown;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar enrich-service.jar}: runs the service; {@code annotate}, {@code train-sentiment},
 * {@code bench-sentiment}, {@code bench-ner} and the other benchmarks run tools.
 */
@Command(name = "enrich-service", mixinStandardHelpOptions = true,
        description = {"Without a command: runs enrich-service (news.raw -> news.enriched) until stopped.",
            "Settings: enrich-service.properties defaults, NEWSWATCH_CONFIG file, NEWSWATCH_* variables."})
public final class Main implements Callable<Integer> {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args, System.in, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit status (tests). */
    static int execute(String[] args, InputStream in, OutputStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand("annotate", new AnnotateCommand(in, out, err));
        commandLine.addSubcommand("bench-rules", new BenchRulesCommand(new PrintStream(out, true, StandardCharsets.UTF_8)));
        commandLine.addSubcommand("bench-enrich", new BenchEnrichCommand(new PrintStream(out, true, StandardCharsets.UTF_8), err));
        commandLine.addSubcommand("bench-ner", new BenchNerCommand(new PrintStream(out, true, StandardCharsets.UTF_8)));
        commandLine.addSubcommand("train-sentiment", new TrainSentimentCommand(err));
        commandLine.addSubcommand("bench-sentiment", new BenchSentimentCommand());
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println(cmd.getCommandName() + ": " + e.getMessage());
            return 2;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        EnrichService service = EnrichService.start(EnrichConfig.load());
        Shutdown.closeOnExit("enrich-service", service);
        return 0;
    }
}
