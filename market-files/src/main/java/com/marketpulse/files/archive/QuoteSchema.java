package com.marketpulse.files.archive;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import com.marketpulse.events.Quote;
import java.time.Instant;
import org.apache.parquet.example.data.Group;

/** Best bid and offer ({@link Quote}) under {@code quotes/}, every field of the event (layout {@code quote/1}). */
public final class QuoteSchema extends EventSchema<Quote> {

    public static final QuoteSchema QUOTES = new QuoteSchema();

    private QuoteSchema() {
        super("quotes", "quotes", "quote", columns()
                .required(INT64).as(UTC_NANOS).named("event_time")
                .required(DOUBLE).named("bid_price")
                .required(DOUBLE).named("bid_size")
                .required(DOUBLE).named("ask_price")
                .required(DOUBLE).named("ask_size")
                .optional(BINARY).as(UTF8).named("source")
                .optional(BINARY).as(UTF8).named("venue")
                .optional(BINARY).as(UTF8).named("run_id"));
    }

    @Override
    public String version() {
        return "quote/1";
    }

    @Override
    public String eventId(Quote quote) {
        return quote.eventId();
    }

    @Override
    public String symbol(Quote quote) {
        return quote.symbol();
    }

    @Override
    public Instant eventTime(Quote quote) {
        return quote.eventTime();
    }

    @Override
    public void write(Quote q, Row row) {
        row.string("event_id", q.eventId()).string("symbol", q.symbol()).timestamp("event_time", q.eventTime())
                .number("bid_price", q.bidPrice()).number("bid_size", q.bidSize())
                .number("ask_price", q.askPrice()).number("ask_size", q.askSize())
                .string("source", q.source()).string("venue", q.venue()).string("run_id", q.runId());
    }

    @Override
    public Quote read(Group g) {
        return new Quote(g.getString("event_id", 0), g.getString("symbol", 0), timestamp(g, "event_time"),
                g.getDouble("bid_price", 0), g.getDouble("bid_size", 0), g.getDouble("ask_price", 0),
                g.getDouble("ask_size", 0), optional(g, "source"), optional(g, "venue"), optional(g, "run_id"));
    }
}
