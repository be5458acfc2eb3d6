package io.newswatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The private directory of one Elasticsearch node: a copy of the distribution it may write
 * into ({@code home/}), its {@code data/}, {@code logs/} and {@code tmp/}, and the process
 * output {@code elasticsearch.log}. When this JVM is root the whole tree is handed to uid
 * 65534 and every Elasticsearch command runs as that user.
 */
final class ElasticsearchNodeDirectory {

    private static final String LOG_FILE = "elasticsearch.log";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> INHERITED_JAVA_VARIABLES = List.of(
            "JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "CLI_JAVA_OPTS", "ES_HOME",
            "ES_JAVA_OPTS", "ES_PATH_CONF");

    private final Path root;
    private final Path home;
    private final boolean unprivileged;

    private ElasticsearchNodeDirectory(Path root, boolean unprivileged) {
        this.root = root;
        this.home = root.resolve("home");
        this.unprivileged = unprivileged;
    }

    /**
     * Fills {@code root} (an empty directory) with a configured copy of {@code distribution}.
     */
    static ElasticsearchNodeDirectory create(Path distribution, Path root, String host, int httpPort,
            int transportPort, boolean securityOn) {
        ElasticsearchNodeDirectory dir = new ElasticsearchNodeDirectory(root, Privileges.isRoot());
        FileTrees.copy(distribution, dir.home);
        Privileges.makeExecutable(dir.home.resolve("bin"));
        dir.writeConfig(ElasticsearchConfig.render(
                dir.home, root, host, httpPort, transportPort, securityOn));
        dir.createDirectories("data", "logs", "tmp");
        if (dir.unprivileged) {
            Privileges.giveToUnprivileged(root);
        }
        return dir;
    }

    Path root() {
        return root;
    }

    Path logFile() {
        return root.resolve(LOG_FILE);
    }

    /**
     * Adds a file-realm superuser with {@code bin/elasticsearch-users useradd NAME -r superuser},
     * before the node starts. The password goes through stdin (the tool asks for it twice), so it
     * never shows in a process listing.
     */
    void addSuperuser(ElasticsearchOptions.Credentials credentials) {
        List<String> command = List.of(home.resolve("bin/elasticsearch-users").toString(), "useradd",
                credentials.user(), "-r", "superuser");
        String password = credentials.password() + "\n";
        ChildProcess.run("the Elasticsearch user '" + credentials.user() + "' (elasticsearch-users)",
                builder(command, null), root.resolve("elasticsearch-users.log"), password + password,
                TOOL_TIMEOUT);
    }

    /** Returns the command running the node in the foreground with a fixed heap. */
    ProcessBuilder serverProcess(String heap) {
        return builder(List.of(home.resolve("bin/elasticsearch").toString()), heap);
    }

    private ProcessBuilder builder(List<String> command, String heap) {
        ProcessBuilder builder = new ProcessBuilder(Privileges.wrap(command, unprivileged))
                .directory(root.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeAll(INHERITED_JAVA_VARIABLES);
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", home.resolve("config").toString());
        env.put("ES_TMPDIR", root.resolve("tmp").toString());
        env.put("HOME", root.toString());
        if (heap != null) {
            env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        }
        return builder;
    }

    private void writeConfig(String yaml) {
        Path file = home.resolve("config/elasticsearch.yml");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void createDirectories(String... names) {
        for (String name : names) {
            Path dir = root.resolve(name);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir, e);
            }
        }
    }
}
