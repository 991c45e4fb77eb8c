package com.marketpulse.api.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * This server's VAPID public key (RFC 8292), the {@code applicationServerKey} a browser passes to
 * {@code PushManager.subscribe}: push services then take messages for that subscription only when signed with the
 * matching private key, which delivery-service holds.
 *
 * @param publicKey the P-256 public key as an uncompressed point, base64url without padding
 */
public record PushServerKey(
        @Schema(example = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8")
        String publicKey) {
}
