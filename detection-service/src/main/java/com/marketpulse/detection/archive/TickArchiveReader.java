package com.marketpulse.detection.archive;

import com.marketpulse.events.Tick;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** Reads the archive back: the visible (sealed) files and their ticks. Temporary files are never read. */
public final class TickArchiveReader {

    private TickArchiveReader() {
    }

    /** Every sealed file under the archive root, oldest partition directory and offset first. */
    public static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(root, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().startsWith("part-")
                && path.getFileName().toString().endsWith(".parquet"))) {
            return files.sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the archive " + root, e);
        }
    }

    /** The rows of one file, in the order they were written. */
    public static List<ArchivedTick> read(Path file) {
        List<ArchivedTick> rows = new ArrayList<>();
        try (var reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            var columns = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = columns.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(row(records.read()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read archive file " + file, e);
        }
        return rows;
    }

    private static ArchivedTick row(Group g) {
        var tick = new Tick(g.getString("event_id", 0), g.getString("symbol", 0),
                TickSchema.fromEpochNanos(g.getLong("event_time", 0)), g.getDouble("price", 0),
                g.getDouble("size", 0), optional(g, "trade_id"), optional(g, "taker_side"), optional(g, "source"),
                optional(g, "venue"), null);
        return new ArchivedTick(tick, g.getInteger("kafka_partition", 0), g.getLong("kafka_offset", 0));
    }

    /** Null when the row has no value, or the file predates the column (the venue came with {@code tick/2}). */
    private static String optional(Group g, String field) {
        return !g.getType().containsField(field) || g.getFieldRepetitionCount(field) == 0 ? null
                : g.getString(field, 0);
    }
}
