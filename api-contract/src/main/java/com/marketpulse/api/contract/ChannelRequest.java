package com.marketpulse.api.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A delivery channel to create or change.
 *
 * @param type    WEBHOOK, EMAIL or TELEGRAM (fixed once created)
 * @param name    a label of the owner's choosing
 * @param target  WEBHOOK: the https (or http) URL alerts are POSTed to; EMAIL: the address; TELEGRAM: empty (linked
 *                through the bot)
 * @param enabled whether alerts go to it (default true); enabling a paused channel resumes it
 */
public record ChannelRequest(
        @Schema(nullable = true, example = "WEBHOOK") String type,
        @Schema(nullable = true, example = "my server") String name,
        @Schema(nullable = true, example = "https://example.com/marketpulse") String target,
        @Schema(nullable = true) Boolean enabled) {
}
