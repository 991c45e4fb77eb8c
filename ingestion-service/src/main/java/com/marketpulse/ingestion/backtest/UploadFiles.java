package com.marketpulse.ingestion.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds an uploaded input in the shared upload directory by the name a command gives. A name that leads out of the
 * directory (absolute, {@code ..}, a symbolic link pointing elsewhere) is refused: a command must never make
 * ingestion read an arbitrary file of its host.
 */
final class UploadFiles {

    private final Path directory;

    UploadFiles(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The file named {@code name} inside the directory; IllegalArgumentException saying why when there is none. */
    Path resolve(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the run names no uploaded file");
        }
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + name + "' is not a file name", e);
        }
        Path file = directory.resolve(relative).normalize();
        if (relative.isAbsolute() || !file.startsWith(directory) || file.equals(directory)) {
            throw new IllegalArgumentException("'" + name + "' is not a file inside the upload directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no uploaded file '" + name + "' (it may have been deleted)");
        }
        try {
            if (!file.toRealPath().startsWith(directory.toRealPath())) {
                throw new IllegalArgumentException("'" + name + "' leads outside the upload directory");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot open uploaded file '" + name + "': " + e.getMessage(), e);
        }
        return file;
    }
}
