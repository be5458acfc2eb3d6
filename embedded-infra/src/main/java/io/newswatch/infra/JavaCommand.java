package io.newswatch.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A command line running a main class in a new JVM with this JVM's java binary and classpath.
 * The classpath goes through an argument file ({@code @file}), so a long test classpath never
 * hits the kernel's limit on the length of one argument.
 */
final class JavaCommand {

    private JavaCommand() {
    }

    /** Returns this JVM's java binary ({@code java.home}/bin/java). */
    static Path javaBinary() {
        return ProcessHandle.current().info().command()
                .map(Path::of)
                .filter(Files::isExecutable)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * Returns {@code java <jvmOptions> @<argFile> <mainClass> <args>}, writing this JVM's
     * classpath into {@code argFile}.
     */
    static List<String> of(List<String> jvmOptions, Path argFile, String mainClass, List<String> args) {
        writeClasspathFile(argFile, absolute(System.getProperty("java.class.path")));
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.addAll(jvmOptions);
        command.add("@" + argFile);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Makes each entry absolute: the child runs in another working directory. */
    static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void writeClasspathFile(Path argFile, String classpath) {
        String quoted = classpath.replace("\\", "\\\\").replace("\"", "\\\"");
        try {
            Files.writeString(argFile, "-cp \"" + quoted + "\"\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + argFile, e);
        }
    }
}
