package com.marketpulse.detection.archive;

import com.marketpulse.files.archive.ArchiveReader;
import com.marketpulse.files.archive.TickSchema;

import java.nio.file.Path;
import java.util.List;

/**
 * The trades of the archive as training has always read them: the sealed files at the archive root and their rows.
 * For quotes, bars or a symbol's time range, see {@link ArchiveReader}.
 */
public final class TickArchiveReader {

    private TickArchiveReader() {
    }

    /** Every sealed trade file under the archive root, sorted by date, symbol, partition and offset. */
    public static List<Path> files(Path root) {
        return ArchiveReader.trades(root).files();
    }

    /** The rows of one trade file, in the order they were written. */
    public static List<ArchivedTick> read(Path file) {
        return ArchiveReader.rows(file, TickSchema.TICKS).stream()
                .map(row -> new ArchivedTick(row.event(), row.partition(), row.offset())).toList();
    }
}
