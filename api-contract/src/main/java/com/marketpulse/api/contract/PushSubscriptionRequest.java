package com.marketpulse.api.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A browser's push subscription as {@code PushSubscription.toJSON()} gives it, to become a WEBPUSH channel: alerts
 * then reach that browser with the dashboard's tab closed.
 *
 * @param endpoint       the push service's URL for this subscription (https)
 * @param expirationTime when the browser says it expires (epoch milliseconds), usually {@code null}; not used
 * @param keys           the subscription's keys, sealed for delivery-service and never returned
 * @param name           a label of the owner's choosing (default "this browser")
 */
public record PushSubscriptionRequest(
        @Schema(nullable = true, example = "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABlEXAMPLE")
        String endpoint,
        @Schema(nullable = true) Long expirationTime,
        @Schema(nullable = true) SubscriptionKeys keys,
        @Schema(nullable = true, example = "laptop Firefox") String name) {

    /**
     * @param p256dh the subscription's P-256 public key (uncompressed point, base64url)
     * @param auth   its 16-byte authentication secret (base64url)
     */
    public record SubscriptionKeys(
            @Schema(nullable = true,
                    example = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4")
            String p256dh,
            @Schema(nullable = true, example = "BTBZMqHH6r4Tts7J_aSIgg") String auth) {
    }
}
