package com.marketpulse.ingestion.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The start of a text file, enough to tell what it holds: whether it is gzipped (by its magic bytes, not its name)
 * and its first line that is neither blank nor a {@code #} comment ({@code null} when there is none).
 */
record FileHead(boolean gzipped, String firstLine) {

    static FileHead of(Path file) throws IOException {
        boolean gzipped;
        try (InputStream in = Files.newInputStream(file)) {
            gzipped = in.read() == 0x1f && in.read() == 0x8b;
        }
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     gzipped ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    return new FileHead(gzipped, line);
                }
            }
            return new FileHead(gzipped, null);
        }
    }
}
