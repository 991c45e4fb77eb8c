package com.marketpulse.events.json;

import com.marketpulse.events.Tick;
import java.time.Instant;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Tick} read straight off the token stream, for the common case only: every trade crosses the broker twice
 * (feature-service, the archiver), and binding a record through its constructor took more of their CPU than the
 * feature math. Anything this reader does not expect — a missing or non-numeric price or size, a time that is not an
 * ISO-8601 string, a record check failing, trailing content — returns {@code null}, and the caller reads the bytes
 * with the mapper, which then accepts or refuses them exactly as before (same values, same errors). Unknown
 * properties are skipped, as the mapper does.
 */
final class TickReader {

    private TickReader() {
    }

    /** The tick, or {@code null} when the mapper must decide. */
    static Tick readOrNull(JsonMapper mapper, byte[] bytes) {
        try (JsonParser parser = mapper.createParser(bytes)) {
            return read(parser);
        } catch (RuntimeException leaveItToTheMapper) {
            // a JacksonException (bad bytes), a DateTimeParseException, a record check: the mapper says it properly
            return null;
        }
    }

    private static Tick read(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String eventId = null, symbol = null, tradeId = null, takerSide = null, source = null, venue = null;
        String runId = null;
        Instant eventTime = null;
        double price = Double.NaN;
        double size = Double.NaN;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "price", "size" -> {
                    if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
                        return null;
                    }
                    if (name.equals("price")) {
                        price = parser.getDoubleValue();
                    } else {
                        size = parser.getDoubleValue();
                    }
                }
                case "eventTime" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    eventTime = Instant.parse(parser.getString());
                }
                case "eventId", "symbol", "tradeId", "takerSide", "source", "venue", "runId" -> {
                    if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    String text = value == JsonToken.VALUE_NULL ? null : parser.getString();
                    switch (name) {
                        case "eventId" -> eventId = text;
                        case "symbol" -> symbol = text;
                        case "tradeId" -> tradeId = text;
                        case "takerSide" -> takerSide = text;
                        case "source" -> source = text;
                        case "venue" -> venue = text;
                        default -> runId = text;
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT || parser.nextToken() != null || Double.isNaN(price) || Double.isNaN(size)) {
            return null;
        }
        return new Tick(eventId, symbol, eventTime, price, size, tradeId, takerSide, source, venue, runId);
    }
}
