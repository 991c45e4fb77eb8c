package com.marketpulse.delivery.telegram;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * A delivery as a Telegram message (HTML parse mode): the coin and kind of move, the alert's own sentence, and the
 * holding's impact in money ("your 0.8 BTC: −$2,737 in 4 min"), the line a holder reads first on a lock screen
 * after the title. Everything taken from the alert is escaped, so only our tags are markup.
 */
public final class TelegramText {

    /** Telegram refuses a message text over 4096 characters; the rest of the message is short and bounded. */
    static final int MAX_EXPLANATION = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private TelegramText() {
    }

    /** @param body a delivery's JSON: {@code alert}, {@code impact} (may be null), {@code heldUntil} (may be null) */
    public static String of(String body) {
        JsonNode delivery = EventJson.mapper().readTree(body);
        JsonNode alert = delivery.path("alert");
        String symbol = alert.path("symbol").asString("?");
        String kind = alert.path("type").asString("ALERT").toLowerCase(Locale.ROOT).replace('_', ' ');
        StringBuilder text = new StringBuilder()
                .append("DOWN".equals(alert.path("direction").asString("")) ? "🔻 " : "🔺 ")
                .append("<b>").append(escape(symbol)).append(' ').append(escape(kind)).append("</b>")
                .append(" · severity ").append(alert.path("severity").asInt())
                .append(alert.hasNonNull("level") ? " (" + escape(alert.get("level").asString()) + ")" : "");
        if (alert.hasNonNull("explanation")) {
            String explanation = alert.get("explanation").asString();
            text.append('\n').append(escape(explanation.length() <= MAX_EXPLANATION ? explanation
                    : explanation.substring(0, MAX_EXPLANATION) + "…"));
        }
        JsonNode impact = delivery.path("impact");
        if (impact.hasNonNull("text")) {
            text.append("\n<b>").append(escape(impact.get("text").asString())).append("</b>");
        }
        if (alert.hasNonNull("eventTime")) {
            text.append("\n<i>").append(when(alert.get("eventTime").asString()));
            if (delivery.hasNonNull("heldUntil")) {
                text.append(", held for your quiet hours");
            }
            text.append("</i>");
        }
        return text.toString();
    }

    /** Telegram's HTML mode: {@code &}, {@code <} and {@code >} are the characters to escape. */
    static String escape(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String when(String instant) {
        try {
            return TIME.format(Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return escape(instant);
        }
    }
}
