package com.marketpulse.ingestion.replay;

import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A Parquet file of trades, read row group by row group. Columns: {@code timestamp} or {@code event_time} (INT64
 * with a TIMESTAMP millis/micros/nanos annotation, plain INT64 epoch millis, or an ISO-8601 string), {@code symbol},
 * {@code price}, {@code size}, optional {@code label}, {@code trade_id}, {@code taker_side}. Files of the tick
 * archive (detection-service) qualify, so an archived day can be replayed for a backtest. The "line" of a row is
 * its 1-based row number.
 */
final class ParquetTradeFile implements TradeFile {

    private final ParquetFileReader reader;
    private final MessageType schema;
    private final MessageColumnIO columns;
    private final String fileName;
    private final String timeColumn;
    private RecordReader<Group> records;
    private long remainingInGroup;
    private long row;
    private final long size;
    private final long rows;

    ParquetTradeFile(Path path) throws IOException {
        this.reader = ParquetFileReader.open(new LocalInputFile(path));
        this.schema = reader.getFooter().getFileMetaData().getSchema();
        this.columns = new ColumnIOFactory().getColumnIO(schema);
        this.fileName = path.getFileName().toString();
        this.timeColumn = schema.containsField("timestamp") ? "timestamp" : "event_time";
        this.size = java.nio.file.Files.size(path);
        this.rows = reader.getRecordCount();
        for (String needed : new String[] {timeColumn, "symbol", "price", "size"}) {
            if (!schema.containsField(needed)) {
                reader.close();
                throw new IOException(path + " has no '" + needed + "' column; its schema is " + schema);
            }
        }
    }

    @Override
    public TradeRow next() throws IOException {
        while (remainingInGroup == 0) {
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            records = columns.getRecordReader(pages, new GroupRecordConverter(schema));
            remainingInGroup = pages.getRowCount();
        }
        remainingInGroup--;
        row++;
        Group group = records.read();
        try {
            return TradeFields.row(row, fileName, time(group), text(group, "symbol"), number(group, "price"),
                    number(group, "size"), text(group, "label"), text(group, "trade_id"), text(group, "taker_side"));
        } catch (RuntimeException e) {
            return new TradeRow.Bad(row, e.getMessage());
        }
    }

    private Instant time(Group group) {
        if (group.getFieldRepetitionCount(timeColumn) == 0) {
            throw new IllegalArgumentException("no " + timeColumn);
        }
        PrimitiveType type = schema.getType(timeColumn).asPrimitiveType();
        if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY) {
            return TradeFields.time(group.getString(timeColumn, 0));
        }
        long value = group.getLong(timeColumn, 0);
        if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            return switch (ts.getUnit()) {
                case MILLIS -> Instant.ofEpochMilli(value);
                case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                        Math.floorMod(value, 1_000_000L) * 1_000L);
                case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
                        Math.floorMod(value, 1_000_000_000L));
            };
        }
        return Instant.ofEpochMilli(value);
    }

    private String text(Group group, String field) {
        if (!schema.containsField(field) || group.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        return group.getString(field, 0);
    }

    private String number(Group group, String field) {
        if (group.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        Type type = schema.getType(field);
        return switch (type.asPrimitiveType().getPrimitiveTypeName()) {
            case DOUBLE -> Double.toString(group.getDouble(field, 0));
            case FLOAT -> Float.toString(group.getFloat(field, 0));
            case INT32 -> Integer.toString(group.getInteger(field, 0));
            case INT64 -> Long.toString(group.getLong(field, 0));
            case BINARY -> group.getString(field, 0);
            default -> throw new IllegalArgumentException(field + " has an unsupported type " + type);
        };
    }

    @Override
    public long bytesRead() {
        return rows == 0 ? size : Math.round((double) size * row / rows);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
