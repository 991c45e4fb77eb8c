package com.marketpulse.delivery.send;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.springframework.web.util.HtmlUtils;

import com.marketpulse.alerting.rules.AlertMove;
import com.marketpulse.delivery.OwnerTime;
import com.marketpulse.delivery.digest.Digest;
import com.marketpulse.events.Alert;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * An alert as a mail: the subject says the coin, the move and the money at stake; the plain-text and HTML bodies
 * give the alert (coin, type, direction, move, severity, time, price, explanation) and the holding's impact.
 */
record AlertMail(String subject, String text, String html) {

    /** In the owner's zone, named ({@link OwnerTime}). */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

    /**
     * From a delivery's body: {@code {deliveryId, alert, impact: {text, …} | null, heldUntil}}, or a quiet-hours
     * digest's {@code {deliveryId, digest: true, heldUntil, alerts: [{alert, impact}, …]}} ({@link DigestMail}).
     */
    static AlertMail of(String body) {
        Optional<Digest> digest = Digest.of(body);
        if (digest.isPresent()) {
            return DigestMail.of(digest.get());
        }
        JsonNode json = EventJson.mapper().readTree(body);
        Alert alert = EventJson.mapper().treeToValue(json.get("alert"), Alert.class);
        String impact = text(json.path("impact").path("text"));
        String heldUntil = text(json.path("heldUntil"));
        String deliveryId = text(json.path("deliveryId"));
        OwnerTime time = OwnerTime.of(json);

        String kind = kind(alert);
        String direction = direction(alert);
        String move = move(alert);
        String subject = "MarketPulse: " + alert.symbol() + " " + kind + " " + move
                + (impact == null ? "" : " (" + impact + ")");

        String[][] rows = {
                {"Coin", alert.symbol()},
                {"Alert", kind + (direction.isEmpty() ? "" : ", " + direction)},
                {"Move", move},
                {"Severity", alert.level() + " (" + alert.severity() + "/100)"},
                {"Time", time.format(TIME, alert.eventTime())},
                {"Price", String.format(Locale.US, "%,.2f", alert.price())},
                {"Your holding", impact == null ? "quantity not given in your portfolio" : impact},
        };
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">\n<h2>")
                .append(esc(alert.symbol() + " " + kind + " " + move)).append("</h2>\n<table>\n");
        for (String[] row : rows) {
            text.append(row[0]).append(": ").append(row[1]).append('\n');
            html.append("<tr><th align=\"left\">").append(esc(row[0])).append("</th><td>")
                    .append(esc(row[1])).append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (heldUntil != null) {
            String held = "Held for your quiet hours until " + time.format(TIME, Instant.parse(heldUntil)) + ".";
            text.append('\n').append(held).append('\n');
            html.append("<p>").append(esc(held)).append("</p>\n");
        }
        if (alert.explanation() != null) {
            text.append('\n').append(alert.explanation()).append('\n');
            html.append("<p>").append(esc(alert.explanation())).append("</p>\n");
        }
        String footer = "Alert " + alert.alertId() + ", delivery " + deliveryId + " (a repeat of this mail carries the"
                + " same delivery id). You get this because you hold " + alert.symbol() + " and confirmed this address"
                + " as a MarketPulse channel; change your rules or channels under Notifications.";
        text.append("\n-- \n").append(footer).append('\n');
        html.append("<hr><p style=\"color:#666;font-size:small\">").append(esc(footer))
                .append("</p>\n</body></html>\n");
        return new AlertMail(subject, text.toString(), html.toString());
    }

    /** "price spike" */
    static String kind(Alert alert) {
        return alert.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "down", or empty when the alert has no direction */
    static String direction(Alert alert) {
        return alert.direction() == null ? "" : alert.direction().name().toLowerCase(Locale.ROOT);
    }

    /** "−5.0 % in 4 min", or the direction when the move is not known */
    static String move(Alert alert) {
        return AlertMove.of(alert).map(AlertMove::text).orElse(direction(alert));
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    /** Escapes only what HTML needs (the mail is UTF-8, so "−" stays as it is). */
    static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
