package com.marketpulse.ingestion.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** A file of trades read row by row (never all in memory). */
interface TradeFile extends AutoCloseable {

    /** The next row, or {@code null} at the end of the file. */
    TradeRow next() throws IOException;

    @Override
    void close() throws IOException;

    /** A Parquet reader for {@code .parquet} files, a CSV reader for anything else. */
    static TradeFile open(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") ? new ParquetTradeFile(path) : new CsvTradeFile(path);
    }
}
