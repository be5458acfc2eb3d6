package io.newswatch.ingest.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes gzip bombs: small files that decompress to gigabytes. */
public final class ZipBombs {
    private static final int MEMBERS = 64;
    private static final int MEMBER_BYTES = 64 * 1024 * 1024;

    private ZipBombs() {}

    /**
     * About 4 MB on disk, 4 GB of zeros decompressed: {@value #MEMBERS} concatenated gzip members of
     * 64 MB each (gzip readers join concatenated members, so the ratio multiplies).
     */
    public static Path write(Path file) throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(member)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int written = 0; written < MEMBER_BYTES; written += zeros.length) out.write(zeros);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < MEMBERS; i++) member.writeTo(out);
        }
        return file;
    }
}
