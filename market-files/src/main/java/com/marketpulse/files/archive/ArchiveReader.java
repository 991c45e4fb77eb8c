package com.marketpulse.files.archive;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Symbols;
import com.marketpulse.events.Tick;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads one kind of the archive back, for backtests over archive ranges and for training: its visible (sealed)
 * files, their rows, or one symbol's events over a time range in event-time order. Temporary files are never read.
 *
 * @param <E> the event record
 */
public final class ArchiveReader<E> {

    private final Path root;
    private final EventSchema<E> schema;

    private ArchiveReader(Path archiveRoot, EventSchema<E> schema) {
        this.root = schema.root(archiveRoot);
        this.schema = schema;
    }

    /** Trades, at the archive root ({@code date=.../symbol=.../}). */
    public static ArchiveReader<Tick> trades(Path archiveRoot) {
        return new ArchiveReader<>(archiveRoot, TickSchema.TICKS);
    }

    /** Quotes, under {@code quotes/}. */
    public static ArchiveReader<Quote> quotes(Path archiveRoot) {
        return new ArchiveReader<>(archiveRoot, QuoteSchema.QUOTES);
    }

    /** Source bars, under {@code bars/}. */
    public static ArchiveReader<SourceBar> bars(Path archiveRoot) {
        return new ArchiveReader<>(archiveRoot, BarSchema.BARS);
    }

    /** Every sealed file of the kind, sorted by date, symbol, partition and offset. */
    public List<Path> files() {
        return ArchiveLayout.files(root, ArchiveReader::sealed);
    }

    /**
     * The events of one symbol ({@code BTC/USD} or {@code BTC-USD}) with {@code from <= eventTime < to}, in event-time
     * order. Only the {@code date=} directories of the range are opened. An event archived more than once under its
     * id (a corrected bar, a redelivered quote) appears once, in its last version: the one read at the highest
     * offset.
     */
    public List<E> read(String symbol, Instant from, Instant to) {
        String pair = Symbols.normalize(symbol);
        String pathSymbol = Symbols.toPath(pair);
        if (!from.isBefore(to)) {
            return List.of();
        }
        LocalDate first = ArchiveLayout.date(from);
        LocalDate last = ArchiveLayout.date(to.minusNanos(1));
        List<Archived<E>> rows = new ArrayList<>();
        for (Path file : ArchiveLayout.files(root, p -> p.pathSymbol().equals(pathSymbol)
                && !p.date().isBefore(first) && !p.date().isAfter(last), ArchiveReader::sealed)) {
            for (Archived<E> row : read(file)) {
                Instant t = schema.eventTime(row.event());
                if (schema.symbol(row.event()).equals(pair) && !t.isBefore(from) && t.isBefore(to)) {
                    rows.add(row);
                }
            }
        }
        rows.sort(Comparator.comparingLong(Archived::offset));
        Map<String, Archived<E>> latest = new LinkedHashMap<>();
        rows.forEach(row -> latest.put(schema.eventId(row.event()), row));
        return latest.values().stream()
                .sorted(Comparator.comparing((Archived<E> row) -> schema.eventTime(row.event()))
                        .thenComparingInt(Archived::partition).thenComparingLong(Archived::offset))
                .map(Archived::event).toList();
    }

    /** The rows of one file, in the order they were written. */
    public List<Archived<E>> read(Path file) {
        return rows(file, schema);
    }

    public static <E> List<Archived<E>> rows(Path file, EventSchema<E> schema) {
        List<Archived<E>> rows = new ArrayList<>();
        try (var reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            var columns = new ColumnIOFactory().getColumnIO(fileSchema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = columns.getRecordReader(pages, new GroupRecordConverter(fileSchema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = records.read();
                    rows.add(new Archived<>(schema.read(g), g.getInteger("kafka_partition", 0),
                            g.getLong("kafka_offset", 0)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read archive file " + file, e);
        }
        return rows;
    }

    private static boolean sealed(String name) {
        return name.startsWith("part-") && name.endsWith(".parquet");
    }
}
