package com.marketpulse.delivery.send;

import java.util.Arrays;
import java.util.Locale;

import com.marketpulse.delivery.digest.Digest;
import com.marketpulse.events.Alert;

/**
 * A quiet-hours digest as one mail: the subject gives the count and the coins, the plain-text and HTML bodies list each
 * held alert newest first (coin, type, direction, move, severity, time, price, the holding's impact, explanation).
 */
final class DigestMail {

    /** Coins named in the subject; more are summed up as "…". */
    static final int SUBJECT_COINS = 4;

    private DigestMail() {
    }

    static AlertMail of(Digest digest) {
        String coins = digest.coins();
        String[] named = coins.split(", ");
        if (named.length > SUBJECT_COINS) {
            coins = String.join(", ", Arrays.copyOf(named, SUBJECT_COINS)) + ", …";
        }
        String subject = "MarketPulse: " + digest.headline() + (coins.isEmpty() ? "" : " (" + coins + ")");
        String intro = digest.headline() + (digest.heldUntil() == null ? ""
                : ", which ended " + digest.time().format(AlertMail.TIME, digest.heldUntil())) + ". Newest first:";

        StringBuilder text = new StringBuilder(intro).append("\n");
        StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">\n<h2>")
                .append(AlertMail.esc(digest.headline())).append("</h2>\n<p>").append(AlertMail.esc(intro))
                .append("</p>\n<table cellpadding=\"4\">\n<tr><th align=\"left\">Time</th><th align=\"left\">Coin</th>"
                        + "<th align=\"left\">Alert</th><th align=\"left\">Move</th><th align=\"left\">Severity</th>"
                        + "<th align=\"left\">Your holding</th></tr>\n");
        for (Digest.Item item : digest.alerts()) {
            Alert alert = item.alert();
            String kind = AlertMail.kind(alert) + (AlertMail.direction(alert).isEmpty() ? ""
                    : ", " + AlertMail.direction(alert));
            String severity = alert.level() + " (" + alert.severity() + "/100)";
            String time = alert.eventTime() == null ? "" : digest.time().format(AlertMail.TIME, alert.eventTime());
            String impact = item.impact() == null ? "quantity not given in your portfolio" : item.impact();
            text.append('\n').append(alert.symbol()).append(' ').append(AlertMail.kind(alert)).append(' ')
                    .append(AlertMail.move(alert)).append('\n')
                    .append("  Alert: ").append(kind).append('\n')
                    .append("  Severity: ").append(severity).append('\n')
                    .append("  Time: ").append(time).append('\n')
                    .append("  Price: ").append(String.format(Locale.US, "%,.2f", alert.price())).append('\n')
                    .append("  Your holding: ").append(impact).append('\n');
            html.append("<tr><td>").append(AlertMail.esc(time)).append("</td><td>")
                    .append(AlertMail.esc(alert.symbol())).append("</td><td>").append(AlertMail.esc(kind))
                    .append("</td><td>").append(AlertMail.esc(AlertMail.move(alert))).append("</td><td>")
                    .append(AlertMail.esc(severity)).append("</td><td>").append(AlertMail.esc(impact))
                    .append("</td></tr>\n");
            if (alert.explanation() != null) {
                text.append("  ").append(alert.explanation()).append('\n');
                html.append("<tr><td></td><td colspan=\"5\" style=\"color:#444\">")
                        .append(AlertMail.esc(alert.explanation())).append("</td></tr>\n");
            }
        }
        html.append("</table>\n");
        String footer = "Digest delivery " + digest.deliveryId() + " (a repeat of this mail carries the same delivery"
                + " id) of " + digest.alerts().size() + " alerts your quiet hours held. You get this because you hold"
                + " these coins and confirmed this address as a MarketPulse channel; change your rules, quiet hours or"
                + " channels under Notifications.";
        text.append("\n-- \n").append(footer).append('\n');
        html.append("<hr><p style=\"color:#666;font-size:small\">").append(AlertMail.esc(footer))
                .append("</p>\n</body></html>\n");
        return new AlertMail(subject, text.toString(), html.toString());
    }
}
