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

/** Reads the JSON frames of the crypto stream and the trade objects of the REST API. */
final class AlpacaFrameParser {

    private static final Set<String> IGNORED_TYPES = Set.of("q", "b", "d", "u", "o");

    private final JsonMapper json;

    AlpacaFrameParser(JsonMapper json) {
        this.json = json;
    }

    /** The messages of one text frame; a frame that is not a JSON array yields one {@link AlpacaMessage.Malformed}. */
    List<AlpacaMessage> parse(String frame) {
        JsonNode root;
        try {
            root = json.readTree(frame);
        } catch (JacksonException e) {
            return List.of(new AlpacaMessage.Malformed("not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isArray()) {
            return List.of(new AlpacaMessage.Malformed("not a JSON array"));
        }
        List<AlpacaMessage> messages = new ArrayList<>(root.size());
        for (JsonNode element : root) {
            messages.add(message(element));
        }
        return messages;
    }

    private AlpacaMessage message(JsonNode element) {
        if (!element.isObject() || !element.path("T").isString()) {
            return new AlpacaMessage.Malformed("element without a \"T\" type");
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
                    : new AlpacaMessage.Malformed("error without a numeric code");
            case "subscription" -> new AlpacaMessage.Subscribed(strings(element.path("trades")));
            case "t" -> trade(element, element.path("S"));
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
            return new AlpacaMessage.Malformed("trade without S/p/s/t/i of the documented types");
        }
        if (!(price.asDouble() > 0) || !(size.asDouble() >= 0) || !Double.isFinite(price.asDouble())
                || !Double.isFinite(size.asDouble())) {
            return new AlpacaMessage.Malformed("trade with price " + price + " and size " + size);
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(trade.get("t").asString()).toInstant();
        } catch (DateTimeParseException e) {
            return new AlpacaMessage.Malformed("trade time is not RFC-3339: " + trade.get("t").asString());
        }
        String side = trade.path("tks").asString(null);
        return new AlpacaMessage.Trade(symbolNode.asString(), price.asDouble(), size.asDouble(), time, id.asLong(),
                "B".equals(side) || "S".equals(side) ? side : null);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asString());
        }
        return values;
    }
}
