package io.newswatch.ingest.cli;

import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.source.InvalidSourcesException;
import io.newswatch.support.ConfigException;
import io.newswatch.support.Shutdown;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar ingest-service.jar} runs the service until SIGTERM; sub-commands run the tools
 * ({@code extract}, {@code ingest}, {@code bench-extract}). Output is JSON Lines on stdout; logs go
 * to stderr.
 */
@Command(name = "ingest-service", mixinStandardHelpOptions = true,
        description = "newswatch ingest-service: with no command, polls the sources and publishes to news.raw.",
        subcommands = {ExtractCommand.class, IngestCommand.class, BenchExtractCommand.class})
public final class Main implements Callable<Integer> {
    private static final int CONFIG_ERROR = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with UTF-8 output and short messages for configuration mistakes. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (!(e instanceof ConfigException || e instanceof InvalidSourcesException)) throw e;
            line.getErr().println("error: " + e.getMessage());
            return CONFIG_ERROR;
        });
        return cli;
    }

    @Override
    public Integer call() {
        IngestService service = IngestService.start(IngestConfig.load());
        Shutdown.closeOnExit(IngestConfig.SERVICE, service);
        return 0;
    }
}
