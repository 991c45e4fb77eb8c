package com.marketpulse.files.archive;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import com.marketpulse.events.SourceBar;
import java.time.Instant;
import org.apache.parquet.example.data.Group;

/**
 * Bars as the source reported them ({@link SourceBar}) under {@code bars/}, every field of the event (layout
 * {@code bar/1}). The {@code date=} directory is that of the bar's event time, its end. A correction
 * ({@code corrected = true}) is archived as it comes, beside the first version; a range read keeps the last.
 */
public final class BarSchema extends EventSchema<SourceBar> {

    public static final BarSchema BARS = new BarSchema();

    private BarSchema() {
        super("bars", "bars", "bar", columns()
                .required(INT64).as(UTC_NANOS).named("start")
                .required(INT64).as(UTC_NANOS).named("event_time")
                .required(DOUBLE).named("open")
                .required(DOUBLE).named("high")
                .required(DOUBLE).named("low")
                .required(DOUBLE).named("close")
                .required(DOUBLE).named("volume")
                .required(INT64).named("trades")
                .required(DOUBLE).named("vwap")
                .required(BOOLEAN).named("corrected")
                .optional(BINARY).as(UTF8).named("source")
                .optional(BINARY).as(UTF8).named("venue")
                .optional(BINARY).as(UTF8).named("run_id"));
    }

    @Override
    public String version() {
        return "bar/1";
    }

    @Override
    public String eventId(SourceBar bar) {
        return bar.eventId();
    }

    @Override
    public String symbol(SourceBar bar) {
        return bar.symbol();
    }

    @Override
    public Instant eventTime(SourceBar bar) {
        return bar.eventTime();
    }

    @Override
    public void write(SourceBar b, Row row) {
        row.string("event_id", b.eventId()).string("symbol", b.symbol())
                .timestamp("start", b.start()).timestamp("event_time", b.eventTime())
                .number("open", b.open()).number("high", b.high()).number("low", b.low()).number("close", b.close())
                .number("volume", b.volume()).number("trades", b.trades()).number("vwap", b.vwap())
                .flag("corrected", b.corrected())
                .string("source", b.source()).string("venue", b.venue()).string("run_id", b.runId());
    }

    @Override
    public SourceBar read(Group g) {
        return new SourceBar(g.getString("event_id", 0), g.getString("symbol", 0), timestamp(g, "start"),
                timestamp(g, "event_time"), g.getDouble("open", 0), g.getDouble("high", 0), g.getDouble("low", 0),
                g.getDouble("close", 0), g.getDouble("volume", 0), g.getLong("trades", 0), g.getDouble("vwap", 0),
                g.getBoolean("corrected", 0), optional(g, "source"), optional(g, "venue"), optional(g, "run_id"));
    }
}
