package com.marketpulse.detection.archive;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import com.marketpulse.events.Tick;
import java.time.Instant;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of an archived tick: the {@link Tick} fields with their logical types (UTF-8 strings, the
 * event time as {@code TIMESTAMP(NANOS, isAdjustedToUTC=true)}), plus the Kafka partition and offset it was read
 * from, so that every row can be traced to exactly one record. {@code tick/2} added the optional {@code venue};
 * files written before it read with no venue.
 */
final class TickSchema {

    static final MessageType SCHEMA = Types.buildMessage()
            .required(BINARY).as(stringType()).named("event_id")
            .required(BINARY).as(stringType()).named("symbol")
            .required(INT64).as(timestampType(true, TimeUnit.NANOS)).named("event_time")
            .required(DOUBLE).named("price")
            .required(DOUBLE).named("size")
            .optional(BINARY).as(stringType()).named("trade_id")
            .optional(BINARY).as(stringType()).named("taker_side")
            .optional(BINARY).as(stringType()).named("source")
            .optional(BINARY).as(stringType()).named("venue")
            .required(INT32).named("kafka_partition")
            .required(INT64).named("kafka_offset")
            .named("tick");

    private TickSchema() {
    }

    /** Nanoseconds since the epoch, UTC: exact for every instant between 1677 and 2262. */
    static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static Instant fromEpochNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Writes {@link ArchivedTick}s field by field, without an intermediate object model. */
    static final class RowWriteSupport extends WriteSupport<ArchivedTick> {

        private RecordConsumer out;

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(SCHEMA, Map.of("marketpulse.schema", "tick/2"));
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, Map.of("marketpulse.schema", "tick/2"));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(ArchivedTick row) {
            Tick t = row.tick();
            out.startMessage();
            string(0, "event_id", t.eventId());
            string(1, "symbol", t.symbol());
            field(2, "event_time", () -> out.addLong(epochNanos(t.eventTime())));
            field(3, "price", () -> out.addDouble(t.price()));
            field(4, "size", () -> out.addDouble(t.size()));
            string(5, "trade_id", t.tradeId());
            string(6, "taker_side", t.takerSide());
            string(7, "source", t.source());
            string(8, "venue", t.venue());
            field(9, "kafka_partition", () -> out.addInteger(row.partition()));
            field(10, "kafka_offset", () -> out.addLong(row.offset()));
            out.endMessage();
        }

        private void string(int index, String name, String value) {
            if (value != null) {
                field(index, name, () -> out.addBinary(Binary.fromString(value)));
            }
        }

        private void field(int index, String name, Runnable value) {
            out.startField(name, index);
            value.run();
            out.endField(name, index);
        }
    }
}
