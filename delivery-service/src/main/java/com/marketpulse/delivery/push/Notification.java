package com.marketpulse.delivery.push;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import com.marketpulse.delivery.digest.Digest;
import com.marketpulse.events.Alert;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the service worker shows for one delivery: a title naming the coin and the move, a body with the holding's
 * impact in money and the alert's explanation, the alert's id (also the notification's tag, so a grown episode
 * replaces its earlier notification instead of stacking) and the page a click opens. Kept well under the 4 KiB a
 * push service must carry.
 */
public final class Notification {

    /** Explanations are a sentence or two; a longer one is cut so the message stays within a push service's limit. */
    static final int MAX_TEXT = 1000;

    private Notification() {
    }

    /**
     * @param delivery the delivery as every channel gets it: {@code deliveryId}, {@code alert}, {@code impact}
     * @param openUrl  the dashboard's address; the alert id is added as {@code ?alert=}
     */
    public static String of(String delivery, String openUrl) {
        Optional<Digest> digest = Digest.of(delivery);
        if (digest.isPresent()) {
            return digest(digest.get(), openUrl);
        }
        JsonNode in = EventJson.mapper().readTree(delivery);
        JsonNode alert = in.path("alert");
        String alertId = alert.path("alertId").asString("");
        String symbol = alert.path("symbol").asString("");
        String move = words(alert.path("type").asString("")) + " " + words(alert.path("direction").asString(""));
        String level = alert.path("level").asString("");
        String impact = in.path("impact").path("text").asString("");
        String explanation = cut(alert.path("explanation").asString(""));

        ObjectNode out = EventJson.mapper().createObjectNode();
        out.put("title", (symbol + ": " + move.strip() + (level.isEmpty() ? "" : " (" + words(level) + ")")).strip());
        out.put("body", impact.isEmpty() ? explanation : impact + "\n" + explanation);
        out.put("alertId", alertId);
        out.put("deliveryId", in.path("deliveryId").asString(""));
        out.put("symbol", symbol);
        out.put("tag", "marketpulse-" + alertId);
        out.put("url", openUrl + (openUrl.contains("?") ? "&" : "?") + "alert="
                + URLEncoder.encode(alertId, StandardCharsets.UTF_8));
        return EventJson.mapper().writeValueAsString(out);
    }

    /**
     * A quiet-hours digest as one notification: "3 alerts held during your quiet hours" as the title, one line per
     * alert (newest first: coin, kind and direction, the holding's impact in money) as the body, cut to the same
     * length as an alert's; its tag is the digest's own, and a click opens the dashboard.
     */
    static String digest(Digest digest, String openUrl) {
        StringBuilder body = new StringBuilder();
        for (Digest.Item item : digest.alerts()) {
            Alert alert = item.alert();
            String line = alert.symbol() + " " + words(alert.type().name())
                    + (alert.direction() == null ? "" : " " + words(alert.direction().name()))
                    + (item.impact() == null ? "" : ": " + item.impact());
            body.append(body.isEmpty() ? "" : "\n").append(line);
        }
        ObjectNode out = EventJson.mapper().createObjectNode();
        out.put("title", digest.headline());
        out.put("body", cut(body.toString()));
        out.put("alertId", digest.alerts().isEmpty() ? "" : digest.alerts().getFirst().alert().alertId());
        out.put("deliveryId", digest.deliveryId());
        // the coins, newest first; the service worker does not show them, so a long list is only cut short
        String coins = digest.coins();
        out.put("symbol", coins.length() <= 100 ? coins : coins.substring(0, 99) + "…");
        out.put("tag", "marketpulse-digest-" + digest.deliveryId());
        out.put("url", openUrl);
        return EventJson.mapper().writeValueAsString(out);
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
