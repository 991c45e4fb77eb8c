package com.marketpulse.delivery.telegram;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.marketpulse.alerting.rules.AlertMove;
import com.marketpulse.delivery.OwnerTime;
import com.marketpulse.delivery.digest.Digest;
import com.marketpulse.events.Alert;
import com.marketpulse.events.Direction;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * A delivery as a Telegram message (HTML parse mode): the coin and kind of move, the alert's own sentence, and the
 * holding's impact in money ("your 0.8 BTC: −$2,737 in 4 min"), the line a holder reads first on a lock screen
 * after the title. Everything taken from the alert is escaped, so only our tags are markup.
 */
public final class TelegramText {

    /** Telegram refuses a message text over this many characters. */
    static final int MAX_MESSAGE = 4096;
    /** An explanation is cut here, so that a single alert's message, otherwise short and bounded, fits. */
    static final int MAX_EXPLANATION = 2000;
    /** In the owner's zone, named ({@link OwnerTime}). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm zzz", Locale.ENGLISH);

    private TelegramText() {
    }

    /**
     * @param body a delivery's JSON: {@code alert}, {@code impact} (may be null), {@code heldUntil} (may be null); or
     *             a quiet-hours digest's ({@link #digest})
     */
    public static String of(String body) {
        Optional<Digest> digest = Digest.of(body);
        if (digest.isPresent()) {
            return digest(digest.get());
        }
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
            text.append("\n<i>").append(when(alert.get("eventTime").asString(), OwnerTime.of(delivery)));
            if (delivery.hasNonNull("heldUntil")) {
                text.append(", held for your quiet hours");
            }
            text.append("</i>");
        }
        return text.toString();
    }

    /**
     * A quiet-hours digest as one message: the count first, then one short block per alert, newest first (direction,
     * coin and kind, the move, severity, time; the holding's impact in money below). Telegram refuses a text over
     * {@value #MAX_MESSAGE} characters: the alerts that do not fit are summed up as "… and N more".
     */
    static String digest(Digest digest) {
        StringBuilder text = new StringBuilder("🌙 <b>").append(escape(digest.headline())).append("</b>");
        if (digest.heldUntil() != null) {
            text.append("\n<i>until ").append(digest.time().format(TIME, digest.heldUntil()))
                    .append(", newest first</i>");
        }
        List<Digest.Item> alerts = digest.alerts();
        int reserve = more(alerts.size()).length();
        for (int i = 0; i < alerts.size(); i++) {
            String block = "\n\n" + line(alerts.get(i), digest.time());
            boolean last = i == alerts.size() - 1;
            if (text.length() + block.length() + (last ? 0 : reserve) > MAX_MESSAGE) {
                return text.append(more(alerts.size() - i)).toString();
            }
            text.append(block);
        }
        return text.toString();
    }

    private static String more(int n) {
        return "\n\n… and " + n + " more";
    }

    private static String line(Digest.Item item, OwnerTime time) {
        Alert alert = item.alert();
        String direction = alert.direction() == null ? "" : alert.direction().name().toLowerCase(Locale.ROOT);
        StringBuilder line = new StringBuilder(alert.direction() == Direction.DOWN ? "🔻 " : "🔺 ")
                .append("<b>").append(escape(alert.symbol())).append(' ')
                .append(escape(alert.type().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</b>");
        if (!direction.isEmpty()) {
            line.append(' ').append(direction);
        }
        AlertMove.of(alert).ifPresent(move -> line.append(' ').append(move.text()));
        line.append(" · severity ").append(alert.severity())
                .append(alert.level() == null ? "" : " (" + alert.level() + ")");
        if (alert.eventTime() != null) {
            line.append(" · ").append(time.format(TIME, alert.eventTime()));
        }
        if (item.impact() != null) {
            line.append("\n<b>").append(escape(item.impact())).append("</b>");
        }
        return line.toString();
    }

    /** Telegram's HTML mode: {@code &}, {@code <} and {@code >} are the characters to escape. */
    static String escape(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String when(String instant, OwnerTime time) {
        try {
            return time.format(TIME, Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return escape(instant);
        }
    }
}
