package com.marketpulse.alerting.seal;

import com.marketpulse.events.json.EventJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Web Push subscription's keys as the browser gives them (base64url): what the API seals into a WEBPUSH channel's
 * {@code secret_sealed} and delivery-service opens to encrypt for that browser. Whoever holds them can read the
 * channel's notifications, so they are sealed like any other channel secret.
 *
 * @param p256dh the subscription's P-256 public key, an uncompressed point
 * @param auth   its 16-byte authentication secret
 */
public record PushSecret(String p256dh, String auth) {

    /** The text sealed: {@code {"p256dh":"...","auth":"..."}}. */
    public String text() {
        return EventJson.mapper().writeValueAsString(EventJson.mapper().createObjectNode()
                .put("p256dh", p256dh).put("auth", auth));
    }

    /** @throws IllegalArgumentException when {@code text} is not what {@link #text()} writes */
    public static PushSecret parse(String text) {
        try {
            JsonNode json = EventJson.mapper().readTree(text);
            JsonNode p256dh = json.get("p256dh");
            JsonNode auth = json.get("auth");
            if (p256dh == null || auth == null || !p256dh.isString() || !auth.isString()) {
                throw new IllegalArgumentException("not a Web Push subscription's keys");
            }
            return new PushSecret(p256dh.asString(), auth.asString());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a Web Push subscription's keys", e);
        }
    }
}
