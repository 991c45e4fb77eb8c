package com.marketpulse.delivery.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.node.ObjectNode;

/**
 * Digest bodies for the texts' tests, made by the product's own {@link DigestBody} from held deliveries' payloads as
 * intake writes them ({@code {alert, impact, heldUntil}}), with the delivery id the dispatcher adds.
 */
public final class DigestBodies {

    /** An alert and the holding's impact text ({@code null}: quantity unknown). */
    public record Held(Alert alert, String impact) {
    }

    private DigestBodies() {
    }

    public static String body(String deliveryId, Instant heldUntil, List<Held> held) {
        return body(deliveryId, heldUntil, held, null);
    }

    /** As intake writes them for an owner whose rules are in {@code timeZone} ({@code null}: none written). */
    public static String body(String deliveryId, Instant heldUntil, List<Held> held, String timeZone) {
        List<String> payloads = new ArrayList<>();
        for (Held h : held) {
            ObjectNode notice = EventJson.mapper().createObjectNode();
            notice.set("alert", EventJson.mapper().valueToTree(h.alert()));
            if (h.impact() == null) {
                notice.putNull("impact");
            } else {
                notice.putObject("impact").put("text", h.impact());
            }
            notice.put("heldUntil", heldUntil.toString());
            if (timeZone != null) {
                notice.put("timeZone", timeZone);
            }
            payloads.add(EventJson.mapper().writeValueAsString(notice));
        }
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("deliveryId", deliveryId);
        body.setAll((ObjectNode) EventJson.mapper().readTree(DigestBody.of(heldUntil, payloads)));
        return EventJson.mapper().writeValueAsString(body);
    }

    /** A price spike of {@code symbol} at {@code at}: "−5.0 % in 4 min" down (or "+…" up). */
    public static Alert spike(String symbol, Direction direction, int severity, Instant at) {
        String sign = direction == Direction.DOWN ? "−" : "+";
        return new Alert(symbol + "|PRICE_SPIKE|" + at + "|" + UUID.randomUUID(), symbol, AlertType.PRICE_SPIKE,
                direction, severity, SeverityLevel.of(severity), at, at, 100, 0.8, "m1",
                symbol + " " + sign + "5.0 % in 4 min, 6.2× its usual 4-minute move", at, null);
    }
}
