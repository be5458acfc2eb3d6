package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./newswatch demo} does, on free ports: its own Kafka broker and Elasticsearch node, the sample
 * site ingested and searchable; closing it leaves no process and no directory behind.
 */
class LocalStackTest {

    @Test
    void theDemoStackComesUpSearchableAndLeavesNothingBehind() throws Exception {
        Set<Long> before = descendants();
        LocalStackConfig config = new LocalStackConfig("127.0.0.1", 0, "512m", 0, "512m", 0, 0, 0, 0,
                Duration.ofMinutes(3));
        List<String> progress = new ArrayList<>();
        LocalStack stack = LocalStack.create();
        try {
            stack.start(config, progress::add);
            JsonNode answer = new SearchProbe(stack.apiUrl()).search("\"peace treaty\" AND Putin", 10);
            assertEquals(1, answer.path("total").asLong(), answer.toString());
            assertTrue(progress.get(progress.size() - 1).startsWith("all sample articles searchable"), progress.toString());
            assertFalse(descendants().equals(before), "Kafka and Elasticsearch run as child processes");
        } finally {
            stack.close();
        }
        Set<Long> left = descendants();
        left.removeAll(before);
        assertEquals(Set.of(), left, "no process of the stack is left");
        assertFalse(Files.exists(stack.workDir()), "the working directory is removed");
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
