package io.newswatch.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies of the service jars for one test JVM: a service JVM reads its jar for as long as it runs, and a
 * build of that module meanwhile (another module's engineer, another reactor) rewrites it underneath
 * ({@code ClassNotFoundException} in a running service). Points {@code newswatch.jars} at the copies.
 */
final class JarSnapshots {
    private JarSnapshots() {}

    static void takeInto(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String module : new String[] {"enrich-service", "index-service"}) {
            Files.copy(ServiceJvms.jar(module), dir.resolve(module + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
        System.setProperty("newswatch.jars", dir.toString());
    }
}
