package io.newswatch.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Whether this machine has plausibly enough free memory for a child JVM's heap. */
final class Memory {

    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final long OVERHEAD_BYTES = 256L << 20;
    private static final long MIB = 1L << 20;

    private Memory() {
    }

    /**
     * Returns a sentence explaining the shortage when {@code MemAvailable} is below the heap
     * plus 256 MiB of overhead, or empty when memory looks sufficient or cannot be measured.
     */
    static Optional<String> shortage(String what, String heap) {
        OptionalLong available = availableBytes();
        long needed = Heap.bytes(heap) + OVERHEAD_BYTES;
        if (available.isEmpty() || available.getAsLong() >= needed) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "Only %d MiB of memory is available (MemAvailable in /proc/meminfo) but %s needs"
                        + " about %d MiB (heap %s + 256 MiB); free some memory or lower the heap.",
                available.getAsLong() / MIB, what, needed / MIB, heap));
    }

    /** Returns {@code MemAvailable} from /proc/meminfo, or empty when it cannot be read. */
    static OptionalLong availableBytes() {
        if (!Files.isReadable(MEMINFO)) {
            return OptionalLong.empty();
        }
        try (Stream<String> lines = Files.lines(MEMINFO)) {
            return lines.filter(line -> line.startsWith("MemAvailable:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .filter(digits -> !digits.isEmpty())
                    .mapToLong(kib -> Long.parseLong(kib) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
