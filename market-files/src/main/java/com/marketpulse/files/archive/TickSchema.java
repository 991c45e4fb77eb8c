package com.marketpulse.files.archive;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import com.marketpulse.events.Tick;
import java.time.Instant;
import org.apache.parquet.example.data.Group;

/**
 * Trades ({@link Tick}) at the archive root, where they have always been: the event time, price, size, trade id,
 * taker side, source and (since layout {@code tick/2}) venue. Files of layout {@code tick/1}, without the venue
 * column, read back with a {@code null} venue. The run id is not recorded: the archiver reads the live topic.
 */
public final class TickSchema extends EventSchema<Tick> {

    public static final TickSchema TICKS = new TickSchema();

    private TickSchema() {
        super("ticks", "", "tick", columns()
                .required(INT64).as(UTC_NANOS).named("event_time")
                .required(DOUBLE).named("price")
                .required(DOUBLE).named("size")
                .optional(BINARY).as(UTF8).named("trade_id")
                .optional(BINARY).as(UTF8).named("taker_side")
                .optional(BINARY).as(UTF8).named("source")
                .optional(BINARY).as(UTF8).named("venue"));
    }

    @Override
    public String version() {
        return "tick/2";
    }

    @Override
    public String eventId(Tick tick) {
        return tick.eventId();
    }

    @Override
    public String symbol(Tick tick) {
        return tick.symbol();
    }

    @Override
    public Instant eventTime(Tick tick) {
        return tick.eventTime();
    }

    @Override
    public void write(Tick t, Row row) {
        row.string("event_id", t.eventId()).string("symbol", t.symbol()).timestamp("event_time", t.eventTime())
                .number("price", t.price()).number("size", t.size()).string("trade_id", t.tradeId())
                .string("taker_side", t.takerSide()).string("source", t.source()).string("venue", t.venue());
    }

    @Override
    public Tick read(Group g) {
        return new Tick(g.getString("event_id", 0), g.getString("symbol", 0), timestamp(g, "event_time"),
                g.getDouble("price", 0), g.getDouble("size", 0), optional(g, "trade_id"), optional(g, "taker_side"),
                optional(g, "source"), optional(g, "venue"), null);
    }
}
