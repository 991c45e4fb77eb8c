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
    record Subscribed(List<String> trades) implements AlpacaMessage {
    }

    /** {@code {"T":"error","code":402,"msg":"auth failed"}}. */
    record Failure(int code, String message) implements AlpacaMessage {
    }

    /** {@code {"T":"t",...}}: one trade; {@code id} can exceed 2^53 and is kept as a long. */
    record Trade(String symbol, double price, double size, Instant time, long id, String takerSide)
            implements AlpacaMessage {
    }

    /** A documented data type this service does not ingest (quotes, bars, order books). */
    record Ignored(String type) implements AlpacaMessage {
    }

    /** A type the documentation does not describe. */
    record Unknown(String type) implements AlpacaMessage {
    }

    /** An element that could not be understood; the rest of the frame is still used. */
    record Malformed(String reason) implements AlpacaMessage {
    }
}
