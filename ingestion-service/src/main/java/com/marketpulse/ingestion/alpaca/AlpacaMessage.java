package com.marketpulse.ingestion.alpaca;

import java.time.Instant;
import java.util.List;

/** One element of a server frame of the Alpaca crypto stream (every frame is a JSON array of these). */
sealed interface AlpacaMessage {

    /** {@code {"T":"success","msg":"connected"}}: the greeting after the upgrade. */
    record Connected() implements AlpacaMessage {
    }

    /** {@code {"T":"success","msg":"authenticated"}}. */
    record Authenticated() implements AlpacaMessage {
    }

    /** {@code {"T":"subscription",...}}: the whole current subscription set. */
    record Subscribed(List<String> trades, List<String> quotes, List<String> bars, List<String> updatedBars)
            implements AlpacaMessage {
    }

    /** {@code {"T":"error","code":402,"msg":"auth failed"}}. */
    record Failure(int code, String message) implements AlpacaMessage {
    }

    /** {@code {"T":"t",...}}: one trade; {@code id} can exceed 2^53 and is kept as a long. */
    record Trade(String symbol, double price, double size, Instant time, long id, String takerSide)
            implements AlpacaMessage {
    }

    /** {@code {"T":"q",...}}: the best bid and offer; {@code 0 < bid <= ask} is checked when parsing. */
    record Quote(String symbol, double bidPrice, double bidSize, double askPrice, double askSize, Instant time)
            implements AlpacaMessage {

        com.marketpulse.events.Quote toEvent(String source, String venue) {
            return com.marketpulse.events.Quote.live(source, venue, symbol, time, bidPrice, bidSize, askPrice, askSize);
        }
    }

    /**
     * {@code {"T":"b",...}} (a minute bar), {@code {"T":"u",...}} (a late correction of one, {@code updated}) or a
     * REST bar; {@code start} is the {@code t} key, the start of the minute.
     */
    record Bar(String symbol, Instant start, double open, double high, double low, double close, double volume,
               long trades, double vwap, boolean updated) implements AlpacaMessage {

        /** Same prices, volume, trade count and VWAP: the same version of the bar. */
        boolean sameValues(Bar other) {
            return open == other.open && high == other.high && low == other.low && close == other.close
                    && volume == other.volume && trades == other.trades && vwap == other.vwap;
        }
    }

    /** A documented data type this service does not ingest (daily bars, order books). */
    record Ignored(String type) implements AlpacaMessage {
    }

    /** A type the documentation does not describe. */
    record Unknown(String type) implements AlpacaMessage {
    }

    /**
     * An element that could not be understood; the rest of the frame is still used.
     *
     * @param kind   the metric tag: {@code not-json}, {@code not-array}, {@code oversized}, {@code no-type},
     *               {@code wrong-type} (a field missing or of another type), {@code bad-value} (NaN, negative,
     *               crossed), {@code bad-time}, {@code unreadable}
     * @param reason what exactly was wrong, for the log
     */
    record Malformed(String kind, String reason) implements AlpacaMessage {
    }
}
