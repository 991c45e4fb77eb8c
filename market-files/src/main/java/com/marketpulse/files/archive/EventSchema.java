package com.marketpulse.files.archive;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import java.nio.file.Path;
import java.time.Instant;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * How one kind of event lies in the archive: its Parquet columns (the event's fields with their logical types,
 * times as {@code TIMESTAMP(NANOS, isAdjustedToUTC=true)}, followed by the Kafka partition and offset the row was
 * read from, so that every row traces to exactly one record), where its files live under the archive root, and how
 * a row is written and read back. One instance per kind: {@link TickSchema#TICKS}, {@link QuoteSchema#QUOTES},
 * {@link BarSchema#BARS}.
 *
 * @param <E> the event record
 */
public abstract class EventSchema<E> {

    private final String kind;
    private final String directory;
    private final MessageType schema;

    /**
     * @param kind      plural name of the kind ({@code ticks}, {@code quotes}, {@code bars}): metrics and logs
     * @param directory the kind's directory under the archive root; empty for the trades, which have always lived
     *                  at the root
     * @param name      the Parquet message name
     * @param columns   the event's columns, from {@link #columns()}; the Kafka columns are appended
     */
    public EventSchema(String kind, String directory, String name, Types.GroupBuilder<MessageType> columns) {
        this.kind = kind;
        this.directory = directory;
        this.schema = columns
                .required(INT32).named("kafka_partition")
                .required(INT64).named("kafka_offset")
                .named(name);
    }

    public final String kind() {
        return kind;
    }

    public final MessageType schema() {
        return schema;
    }

    /** The root of this kind's {@code date=YYYY-MM-DD/symbol=BTC-USD/} directories. */
    public final Path root(Path archiveRoot) {
        return directory.isEmpty() ? archiveRoot : archiveRoot.resolve(directory);
    }

    /** Footer metadata {@code marketpulse.schema}: name and version of the layout, e.g. {@code quote/1}. */
    public abstract String version();

    public abstract String eventId(E event);

    public abstract String symbol(E event);

    /** The event time, which decides the {@code date=} directory and the order of a range read. */
    public abstract Instant eventTime(E event);

    /** Writes the event's columns (not the Kafka ones). */
    public abstract void write(E event, Row row);

    public abstract E read(Group row);

    /** UTF-8 strings. */
    public static final LogicalTypeAnnotation UTF8 = stringType();
    /** Instants as nanoseconds since the epoch, UTC. */
    public static final LogicalTypeAnnotation UTC_NANOS = timestampType(true, TimeUnit.NANOS);

    /** The columns every kind starts with: its event id and symbol. */
    public static Types.GroupBuilder<MessageType> columns() {
        return Types.buildMessage()
                .required(BINARY).as(UTF8).named("event_id")
                .required(BINARY).as(UTF8).named("symbol");
    }

    /** Nanoseconds since the epoch, UTC: exact for every instant between 1677 and 2262. */
    public static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    public static Instant fromEpochNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    public static Instant timestamp(Group row, String name) {
        return fromEpochNanos(row.getLong(name, 0));
    }

    /** A string column that may be absent from the row, or from the file's schema (written before it existed). */
    public static String optional(Group row, String name) {
        return !row.getType().containsField(name) || row.getFieldRepetitionCount(name) == 0
                ? null : row.getString(name, 0);
    }

    /** Writes the fields of one row by name; a {@code null} string leaves its optional column empty. */
    public static final class Row {

        private final RecordConsumer out;
        private final MessageType schema;

        public Row(RecordConsumer out, MessageType schema) {
            this.out = out;
            this.schema = schema;
        }

        public Row string(String name, String value) {
            if (value != null) {
                field(name, () -> out.addBinary(Binary.fromString(value)));
            }
            return this;
        }

        public Row timestamp(String name, Instant value) {
            return field(name, () -> out.addLong(epochNanos(value)));
        }

        public Row number(String name, double value) {
            return field(name, () -> out.addDouble(value));
        }

        public Row number(String name, long value) {
            return field(name, () -> out.addLong(value));
        }

        public Row number(String name, int value) {
            return field(name, () -> out.addInteger(value));
        }

        public Row flag(String name, boolean value) {
            return field(name, () -> out.addBoolean(value));
        }

        private Row field(String name, Runnable value) {
            int index = schema.getFieldIndex(name);
            out.startField(name, index);
            value.run();
            out.endField(name, index);
            return this;
        }
    }
}
