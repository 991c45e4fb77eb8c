package com.marketpulse.ingestion.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** A file of trades read row by row (never all in memory). */
public interface TradeFile extends AutoCloseable {

    /** The next row, or {@code null} at the end of the file. */
    TradeRow next() throws IOException;

    /** Bytes of the file read so far (estimated from the rows read for Parquet): how far the replay is. */
    long bytesRead();

    @Override
    void close() throws IOException;

    /** A Parquet reader for {@code .parquet} files (or any that starts with Parquet's magic), a CSV reader else. */
    static TradeFile open(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || isParquet(path) ? new ParquetTradeFile(path) : new CsvTradeFile(path);
    }

    /** Parquet files start (and end) with {@code PAR1}, whatever they are named. */
    static boolean isParquet(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(4), new byte[] {'P', 'A', 'R', '1'});
        }
    }
}
