package com.marketpulse.ingestion.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A backtest command names its upload; no name may make ingestion read a file outside the upload directory. */
class UploadFilesTest {

    @TempDir
    Path base;

    @Test
    void aFileInsideTheDirectoryIsFoundAndNamesLeadingOutAreRefused() throws IOException {
        Path uploads = Files.createDirectories(base.resolve("uploads"));
        Files.writeString(uploads.resolve("run-1.csv"), "timestamp,symbol,price,size\n");
        Files.createDirectories(uploads.resolve("alice"));
        Files.writeString(uploads.resolve("alice/run-2.csv"), "x");
        Path secret = Files.writeString(base.resolve("secret.txt"), "not for backtests");
        Files.createSymbolicLink(uploads.resolve("link.csv"), secret);
        UploadFiles files = new UploadFiles(uploads);

        assertThat(files.resolve("run-1.csv")).isEqualTo(uploads.resolve("run-1.csv"));
        assertThat(files.resolve("alice/run-2.csv")).isEqualTo(uploads.resolve("alice/run-2.csv"));
        for (String escape : new String[] {"../secret.txt", "alice/../../secret.txt", secret.toString(), ".",
                "link.csv"}) {
            assertThatThrownBy(() -> files.resolve(escape)).as(escape)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upload directory");
        }
        assertThatThrownBy(() -> files.resolve("missing.csv")).hasMessageContaining("no uploaded file 'missing.csv'");
        assertThatThrownBy(() -> files.resolve(" ")).hasMessageContaining("names no uploaded file");
        assertThatThrownBy(() -> files.resolve("bad\u0000name")).isInstanceOf(IllegalArgumentException.class);
    }
}
