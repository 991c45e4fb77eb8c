package com.marketpulse.api.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import com.marketpulse.settings.MarketPulseSettings;

/**
 * The shared upload directory ({@code marketpulse.backtest.upload-directory}), where ingestion-service reads the
 * inputs. The servlet container streams a multipart upload into {@link #incoming()} as it arrives (never whole into
 * memory); a stored upload is moved from there under the run's name.
 */
@Component
class UploadStore {

    private static final Logger log = LoggerFactory.getLogger(UploadStore.class);

    private final Path directory;

    UploadStore(MarketPulseSettings settings) {
        this.directory = settings.backtest().uploadDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(incoming());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backtest upload directory " + directory, e);
        }
    }

    /** Where uploads are streamed while they arrive (the same file system, so storing one is a rename). */
    Path incoming() {
        return directory.resolve(".incoming");
    }

    /** Moves the upload to {@code name} in the upload directory; returns its path. */
    Path store(MultipartFile upload, String name) throws IOException {
        Path target = directory.resolve(name);
        upload.transferTo(target);
        return target;
    }

    Path path(String name) {
        return directory.resolve(name);
    }

    /** Removes a stored upload; a file already gone is fine. */
    void delete(String name) {
        if (name == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve(name));
        } catch (IOException e) {
            log.warn("backtest upload {} could not be deleted: {}", name, e.getMessage());
        }
    }
}
