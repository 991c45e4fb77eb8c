package com.marketpulse.ingestion.alpaca;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the JSON frames of the crypto stream and the trade and bar objects of the REST API. */
final class AlpacaFrameParser {

    private static final Set<String> IGNORED_TYPES = Set.of("d", "o");
    /**
     * Larger frames are refused unread: Alpaca batches a few hundred small messages at most (a few KiB to tens of
     * KiB), so a megabyte is a broken or hostile peer, and parsing it would only cost memory.
     */
    static final int MAX_FRAME_CHARS = 1 << 20;

    private final JsonMapper json;

    AlpacaFrameParser(JsonMapper json) {
        this.json = json;
    }

    /**
     * The messages of one text frame; a frame that is not a JSON array (or is oversized) yields one
     * {@link AlpacaMessage.Malformed}, as does each element that cannot be read.
     */
    List<AlpacaMessage> parse(String frame) {
        if (frame.length() > MAX_FRAME_CHARS) {
            return List.of(new AlpacaMessage.Malformed("oversized", "frame of " + frame.length()
                    + " characters, more than " + MAX_FRAME_CHARS));
        }
        JsonNode root;
        try {
            root = json.readTree(frame);
        } catch (JacksonException e) {
            return List.of(new AlpacaMessage.Malformed("not-json", "not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isArray()) {
            return List.of(new AlpacaMessage.Malformed("not-array", "not a JSON array"));
        }
        List<AlpacaMessage> messages = new ArrayList<>(root.size());
        for (JsonNode element : root) {
            try {
                messages.add(message(element));
            } catch (RuntimeException e) {
                // a shape no check above foresaw must cost this element only, never the frame or the connection
                messages.add(new AlpacaMessage.Malformed("unreadable", e.toString()));
            }
        }
        return messages;
    }

    private AlpacaMessage message(JsonNode element) {
        if (!element.isObject() || !element.path("T").isString()) {
            return new AlpacaMessage.Malformed("no-type", "element without a \"T\" type");
        }
        String type = element.get("T").asString();
        return switch (type) {
            case "success" -> switch (element.path("msg").asString("")) {
                case "connected" -> new AlpacaMessage.Connected();
                case "authenticated" -> new AlpacaMessage.Authenticated();
                default -> new AlpacaMessage.Unknown("success/" + element.path("msg").asString(""));
            };
            case "error" -> element.path("code").isIntegralNumber()
                    ? new AlpacaMessage.Failure(element.get("code").asInt(), element.path("msg").asString(""))
                    : new AlpacaMessage.Malformed("wrong-type", "error without a numeric code");
            case "subscription" -> new AlpacaMessage.Subscribed(strings(element.path("trades")),
                    strings(element.path("quotes")), strings(element.path("bars")),
                    strings(element.path("updatedBars")));
            case "t" -> trade(element, element.path("S"));
            case "q" -> quote(element);
            case "b" -> bar(element, element.path("S"), false);
            case "u" -> bar(element, element.path("S"), true);
            default -> IGNORED_TYPES.contains(type) ? new AlpacaMessage.Ignored(type) : new AlpacaMessage.Unknown(type);
        };
    }

    /** A trade object; {@code symbolNode} is the {@code S} key on the stream, the map key in REST responses. */
    AlpacaMessage trade(JsonNode trade, JsonNode symbolNode) {
        JsonNode price = trade.path("p");
        JsonNode size = trade.path("s");
        JsonNode id = trade.path("i");
        if (!symbolNode.isString() || !price.isNumber() || !size.isNumber() || !id.isIntegralNumber()
                || !id.canConvertToLong() || !trade.path("t").isString()) {
            return new AlpacaMessage.Malformed("wrong-type", "trade without S/p/s/t/i of the documented types");
        }
        if (!(price.asDouble() > 0) || !(size.asDouble() >= 0) || !Double.isFinite(price.asDouble())
                || !Double.isFinite(size.asDouble())) {
            return new AlpacaMessage.Malformed("bad-value", "trade with price " + price + " and size " + size);
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(trade.get("t").asString()).toInstant();
        } catch (DateTimeParseException e) {
            return new AlpacaMessage.Malformed("bad-time", "trade time is not RFC-3339: " + trade.get("t").asString());
        }
        String side = trade.path("tks").asString(null);
        return new AlpacaMessage.Trade(symbolNode.asString(), price.asDouble(), size.asDouble(), time, id.asLong(),
                "B".equals(side) || "S".equals(side) ? side : null);
    }

    private AlpacaMessage quote(JsonNode quote) {
        JsonNode symbol = quote.path("S");
        if (!symbol.isString() || !numbers(quote, "bp", "bs", "ap", "as")) {
            return new AlpacaMessage.Malformed("wrong-type", "quote without S/bp/bs/ap/as of the documented types");
        }
        double bid = quote.get("bp").asDouble();
        double ask = quote.get("ap").asDouble();
        if (!(bid > 0) || !(ask >= bid) || !(quote.get("bs").asDouble() >= 0) || !(quote.get("as").asDouble() >= 0)) {
            return new AlpacaMessage.Malformed("bad-value", "quote with bid " + bid + " and ask " + ask + " (crossed, empty or negative)");
        }
        Instant time = time(quote);
        if (time == null) {
            return new AlpacaMessage.Malformed("bad-time", "quote time is not RFC-3339: " + quote.path("t"));
        }
        return new AlpacaMessage.Quote(symbol.asString(), bid, quote.get("bs").asDouble(), ask,
                quote.get("as").asDouble(), time);
    }

    /** A bar object; {@code symbolNode} is the {@code S} key on the stream, the map key in REST responses. */
    AlpacaMessage bar(JsonNode bar, JsonNode symbolNode, boolean updated) {
        if (!symbolNode.isString() || !numbers(bar, "o", "h", "l", "c", "v")) {
            return new AlpacaMessage.Malformed("wrong-type", "bar without S/o/h/l/c/v of the documented types");
        }
        double open = bar.get("o").asDouble();
        double high = bar.get("h").asDouble();
        double low = bar.get("l").asDouble();
        double close = bar.get("c").asDouble();
        double volume = bar.get("v").asDouble();
        // n and vw are in every example but not in the v1beta3 schema table: 0 when absent
        long trades = bar.path("n").canConvertToLong() ? bar.path("n").asLong(0) : 0;
        double vwap = bar.path("vw").isNumber() ? bar.get("vw").asDouble() : 0;
        if (!(low > 0) || !(high >= low) || !(open > 0) || !(close > 0) || !(volume >= 0) || trades < 0
                || !(vwap >= 0) || !Double.isFinite(high) || !Double.isFinite(volume) || !Double.isFinite(vwap)) {
            return new AlpacaMessage.Malformed("bad-value", "bar with o/h/l/c " + open + "/" + high + "/" + low + "/" + close
                    + ", v " + volume + ", n " + trades + ", vw " + vwap);
        }
        Instant start = time(bar);
        if (start == null) {
            return new AlpacaMessage.Malformed("bad-time", "bar time is not RFC-3339: " + bar.path("t"));
        }
        return new AlpacaMessage.Bar(symbolNode.asString(), start, open, high, low, close, volume, trades, vwap,
                updated);
    }

    private static boolean numbers(JsonNode node, String... keys) {
        for (String key : keys) {
            if (!node.path(key).isNumber() || !Double.isFinite(node.get(key).asDouble())) {
                return false;
            }
        }
        return true;
    }

    private static Instant time(JsonNode node) {
        if (!node.path("t").isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.get("t").asString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asString());
        }
        return values;
    }
}
