package com.marketpulse.api.deliverylog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.marketpulse.api.contract.DeliveryLogEntry.CarriedAlert;
import com.marketpulse.api.contract.DeliveryLogEntry.Digest;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * A quiet-hours digest's payload as delivery-service stores it ({@code {digest: true, heldUntil, alerts: [{alert,
 * impact}, …]}}) as the log shows it: when the quiet hours ended and which alerts the one message carried.
 */
final class DigestEntries {

    private DigestEntries() {
    }

    /** @param payload a digest's payload, {@code null} for any other delivery (then so is the result) */
    static Digest of(String payload) {
        if (payload == null) {
            return null;
        }
        JsonNode json = EventJson.mapper().readTree(payload);
        List<CarriedAlert> alerts = new ArrayList<>();
        for (JsonNode entry : json.path("alerts")) {
            JsonNode alert = entry.path("alert");
            alerts.add(new CarriedAlert(text(alert.path("alertId")), text(alert.path("symbol")),
                    text(alert.path("type")), text(alert.path("direction")), alert.path("severity").asInt(),
                    instant(alert.path("eventTime")), text(entry.path("impact").path("text"))));
        }
        return new Digest(instant(json.path("heldUntil")), List.copyOf(alerts));
    }

    /** "3 alerts held during your quiet hours", as the digest's message says it. */
    static String headline(Digest digest) {
        int n = digest.alerts().size();
        return n + (n == 1 ? " alert" : " alerts") + " held during your quiet hours";
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isString() ? Instant.parse(node.asString()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
