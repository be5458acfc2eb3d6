package io.newswatch.localstack;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar local-stack.jar demo}: the whole of newswatch on this machine, until Ctrl-C. */
@Command(name = "local-stack", mixinStandardHelpOptions = true,
        description = "Runs newswatch locally with a real Kafka broker and Elasticsearch node.",
        subcommands = {Main.Demo.class, BenchAlerts.class, BenchSearch.class, BenchEndToEnd.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args.length == 0 ? new String[] {"demo"} : args));
    }

    @Override
    public Integer call() {
        return new Demo().call();
    }

    @Command(name = "demo", description = "Starts Kafka, Elasticsearch, the sample site and the three services, "
            + "ingests the sample site and serves search until Ctrl-C.")
    static final class Demo implements Callable<Integer> {
        @Override
        public Integer call() {
            LocalStack stack = LocalStack.create();
            // Registered before starting, so Ctrl-C during start-up also stops what already runs.
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "newswatch-stop"));
            try {
                stack.start(LocalStackConfig.load(), line -> System.out.println("newswatch: " + line));
            } catch (RuntimeException e) {
                System.err.println("newswatch: could not start: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
            System.out.println("newswatch is up: " + stack.apiUrl());
            System.out.println("newswatch: try " + stack.apiUrl() + "/api/search?q=%22peace%20treaty%22 "
                    + "- Ctrl-C stops everything");
            try {
                new CountDownLatch(1).await(); // until Ctrl-C / SIGTERM: the hook stops the stack
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }
}
