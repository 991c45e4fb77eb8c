package com.marketpulse.delivery.digest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A digest's payload from the payloads of the deliveries it carries (each {@code {alert, impact, heldUntil, timeZone}},
 * as intake wrote them): {@code {digest: true, heldUntil, timeZone, alerts: [{alert, impact}, …]}}, newest first by
 * the alert's event time, each alert id once at its highest severity (an episode that grew while its owner slept is
 * told once, as it stands). The sender adds the delivery id, as for any delivery.
 */
final class DigestBody {

    private DigestBody() {
    }

    static String of(Instant heldUntil, List<String> payloads) {
        Map<String, JsonNode> byAlert = new LinkedHashMap<>();
        for (String payload : payloads) {
            JsonNode notice = EventJson.mapper().readTree(payload);
            JsonNode alert = notice.path("alert");
            String id = alert.path("alertId").asString("");
            JsonNode before = byAlert.get(id);
            if (before == null || alert.path("severity").asInt() > before.path("alert").path("severity").asInt()) {
                byAlert.put(id, notice);
            }
        }
        List<JsonNode> newestFirst = new ArrayList<>(byAlert.values());
        newestFirst.sort(Comparator.comparing(DigestBody::eventTime).reversed());

        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("digest", true);
        body.put("heldUntil", heldUntil.toString());
        // one channel's deliveries are one owner's: their zone, for the times in the digest's text
        newestFirst.stream().map(notice -> notice.path("timeZone")).filter(JsonNode::isString)
                .findFirst().ifPresent(zone -> body.set("timeZone", zone));
        ArrayNode alerts = body.putArray("alerts");
        for (JsonNode notice : newestFirst) {
            ObjectNode entry = alerts.addObject();
            entry.set("alert", notice.path("alert"));
            if (notice.hasNonNull("impact")) {
                entry.set("impact", notice.get("impact"));
            } else {
                entry.putNull("impact");
            }
        }
        return EventJson.mapper().writeValueAsString(body);
    }

    private static Instant eventTime(JsonNode notice) {
        try {
            return Instant.parse(notice.path("alert").path("eventTime").asString(""));
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
