package io.newswatch.localstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command lines of the README's fenced code blocks that call {@code ./newswatch}, comments removed. */
final class ReadmeCommands {
    private ReadmeCommands() {}

    static List<String> in(Path readme) throws IOException {
        List<String> commands = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (fenced && line.contains("./newswatch")) {
                commands.add(withoutComment(line).strip());
            }
        }
        return commands;
    }

    /** The line up to a {@code #} that starts a shell comment (outside quotes). */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
