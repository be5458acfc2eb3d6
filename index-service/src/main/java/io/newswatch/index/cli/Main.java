package io.newswatch.index.cli;

import io.newswatch.index.IndexConfig;
import io.newswatch.index.IndexService;
import io.newswatch.support.Shutdown;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar index-service.jar}: runs the service; {@code setup} only installs the index template;
 * {@code dead-letters} lists (and replays) what is parked in news.dlq.
 */
@Command(name = "index-service", mixinStandardHelpOptions = true,
        subcommands = {SetupCommand.class, DeadLettersCommand.class},
        description = {"Indexes news.enriched into Elasticsearch and serves the search API and web UI.",
                "Settings: index-service.properties, NEWSWATCH_CONFIG, NEWSWATCH_* environment variables."})
public final class Main implements Callable<Integer> {

    @Override
    public Integer call() {
        IndexService service = IndexService.start(IndexConfig.load());
        Shutdown.closeOnExit(IndexConfig.SERVICE, service);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
