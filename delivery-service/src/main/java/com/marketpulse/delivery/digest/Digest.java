package com.marketpulse.delivery.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import com.marketpulse.delivery.OwnerTime;
import com.marketpulse.events.Alert;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * A digest delivery as the channels' texts read it: the alerts quiet hours held for one channel, newest first (by the
 * alert's event time), each alert once (the most severe version of an episode that grew during the night).
 *
 * @param deliveryId the digest's delivery id (what a receiver drops a repeat by)
 * @param heldUntil  the end of the quiet hours that held them
 * @param time       how its owner reads times (their zone)
 */
public record Digest(String deliveryId, Instant heldUntil, List<Item> alerts, OwnerTime time) {

    /** @param impact the holding's impact in money ("your 0.8 BTC: −$2,737 in 4 min"), {@code null} when unknown */
    public record Item(Alert alert, String impact) {
    }

    public Digest {
        alerts = List.copyOf(alerts);
    }

    /**
     * The digest in a delivery's body {@code {deliveryId, digest: true, heldUntil, alerts: [{alert, impact}, …]}};
     * empty for a single alert's body. An entry whose alert cannot be read is left out (never the whole digest).
     */
    public static Optional<Digest> of(String body) {
        JsonNode json = EventJson.mapper().readTree(body);
        if (!json.path("digest").asBoolean(false)) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode entry : json.path("alerts")) {
            try {
                Alert alert = EventJson.mapper().treeToValue(entry.get("alert"), Alert.class);
                if (alert != null && alert.symbol() != null && alert.type() != null) {
                    JsonNode impact = entry.path("impact").path("text");
                    items.add(new Item(alert, impact.isString() ? impact.asString() : null));
                }
            } catch (RuntimeException e) {
                // one unreadable entry must not keep the others from their owner
            }
        }
        JsonNode held = json.path("heldUntil");
        return Optional.of(new Digest(json.path("deliveryId").asString(""),
                held.isString() ? Instant.parse(held.asString()) : null, items, OwnerTime.of(json)));
    }

    /** "3 alerts held during your quiet hours": the first line (subject, title) of every digest. */
    public String headline() {
        return alerts.size() + (alerts.size() == 1 ? " alert" : " alerts") + " held during your quiet hours";
    }

    /** The coins of the alerts, newest first, each once: "BTC/USD, ETH/USD". */
    public String coins() {
        LinkedHashSet<String> coins = new LinkedHashSet<>();
        alerts.forEach(item -> coins.add(item.alert().symbol()));
        return String.join(", ", coins);
    }
}
